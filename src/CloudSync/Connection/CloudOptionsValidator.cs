using System.Net;
using Microsoft.Extensions.Options;

namespace Car.CloudSync.Connection;

/// <summary>Checks <see cref="CloudOptions"/> at start, so a wrong setting stops the car's software before it drives.</summary>
internal sealed class CloudOptionsValidator : IValidateOptions<CloudOptions>
{
    // The circuit breaker (Polly) refuses shorter windows.
    private static readonly TimeSpan HalfSecond = TimeSpan.FromMilliseconds(500);

    public ValidateOptionsResult Validate(string? name, CloudOptions options)
    {
        var failures = new List<string>();
        if (options.Endpoint is { } endpoint)
        {
            if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"Cloud:Endpoint must be an absolute http(s) address, not '{endpoint}'.");
            }
            else if (endpoint.Scheme == Uri.UriSchemeHttp && !IsLoopback(endpoint))
            {
                failures.Add($"Cloud:Endpoint '{endpoint}' is plain http; only loopback may skip TLS.");
            }

            if (string.IsNullOrWhiteSpace(options.VehicleId))
            {
                failures.Add("Cloud:VehicleId is required when Cloud:Endpoint is set.");
            }

            // A development server on the same machine may run without tokens; anything beyond loopback needs one.
            if (string.IsNullOrWhiteSpace(options.Token) && endpoint.IsAbsoluteUri && !IsLoopback(endpoint))
            {
                failures.Add("Cloud:Token is required when Cloud:Endpoint is not on loopback.");
            }

            if (string.IsNullOrWhiteSpace(options.DataDirectory))
            {
                failures.Add("Cloud:DataDirectory is required when Cloud:Endpoint is set.");
            }
        }

        Positive(failures, nameof(options.CallDeadline), options.CallDeadline);
        Positive(failures, nameof(options.ConnectTimeout), options.ConnectTimeout);
        Positive(failures, nameof(options.KeepAliveInterval), options.KeepAliveInterval);
        Positive(failures, nameof(options.KeepAliveTimeout), options.KeepAliveTimeout);
        Positive(failures, nameof(options.CacheMaxAge), options.CacheMaxAge);
        Positive(failures, nameof(options.RetryBaseDelay), options.RetryBaseDelay);
        Positive(failures, nameof(options.BreakerSamplingDuration), options.BreakerSamplingDuration);
        Positive(failures, nameof(options.BreakDuration), options.BreakDuration);
        Positive(failures, nameof(options.DeliveryDeadline), options.DeliveryDeadline);
        Positive(failures, nameof(options.DeliveryInitialBackoff), options.DeliveryInitialBackoff);
        if (options.DeliveryMaxBackoff < options.DeliveryInitialBackoff)
        {
            failures.Add("Cloud:DeliveryMaxBackoff must not be shorter than Cloud:DeliveryInitialBackoff.");
        }

        if (options.MaxResults < 0 || options.MaxRetryAttempts < 0)
        {
            failures.Add("Cloud:MaxResults and Cloud:MaxRetryAttempts must not be negative.");
        }

        if (options.CacheRadiusMeters <= 0 || options.CacheMaxEntries <= 0 || options.OutboxBatchSize <= 0)
        {
            failures.Add("Cloud:CacheRadiusMeters, Cloud:CacheMaxEntries and Cloud:OutboxBatchSize must be positive.");
        }

        if (options.BreakDuration < HalfSecond || options.BreakerSamplingDuration < HalfSecond)
        {
            failures.Add("Cloud:BreakDuration and Cloud:BreakerSamplingDuration must be at least 0.5 s.");
        }

        if (options.BreakerFailureRatio is <= 0 or > 1 || options.BreakerMinimumThroughput < 2)
        {
            failures.Add("Cloud:BreakerFailureRatio must be in (0, 1] and Cloud:BreakerMinimumThroughput at least 2.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"Cloud:{name} must be positive.");
        }
    }

    private static bool IsLoopback(Uri endpoint) =>
        endpoint.IsLoopback || (IPAddress.TryParse(endpoint.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
