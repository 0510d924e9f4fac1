using System.ComponentModel.DataAnnotations;

namespace Car.VehicleBus.Broker;

/// <summary>Where and how the kuksa.val.v2 broker listens. Bound from the <c>Broker</c> configuration section.</summary>
public sealed class BrokerOptions
{
    public const string SectionName = "Broker";

    /// <summary>
    /// The address to listen on: <c>http://127.0.0.1:55555</c> (KUKSA's port) by default; <c>https://</c> needs
    /// <see cref="TlsCertificateFile"/> and <see cref="TlsKeyFile"/>. Port 0 takes a free port.
    /// </summary>
    [Required]
    public string Url { get; set; } = "http://127.0.0.1:55555";

    /// <summary>
    /// A PEM file with the public key (RSA or EC) that signs clients' tokens. With it, every call needs a token;
    /// a broker listening beyond loopback refuses to start without it.
    /// </summary>
    public string? JwtPublicKeyFile { get; set; }

    /// <summary>The server certificate (PEM) for <c>https://</c>.</summary>
    public string? TlsCertificateFile { get; set; }

    /// <summary>The certificate's private key (PEM) for <c>https://</c>.</summary>
    public string? TlsKeyFile { get; set; }
}
