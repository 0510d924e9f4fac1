using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Car.Speech.Output;

/// <summary>
/// Speaks through the espeak-ng program with a Mandarin voice, to the sound device or to a WAV file. When the
/// program is not installed the speaker says so once through <see cref="Unavailable"/> and speaks nothing.
/// </summary>
public sealed class EspeakSpeaker : ISpeaker
{
    private readonly SpeechOutputOptions _options;
    private readonly Lazy<string?> _missing;

    public EspeakSpeaker(IOptions<SpeechOutputOptions> options)
    {
        _options = options.Value;
        _missing = new Lazy<string?>(Probe);
    }

    public bool IsAvailable => _missing.Value is null;

    public string? Unavailable => _missing.Value;

    public Task SpeakAsync(string text, CancellationToken cancellationToken = default) => RunAsync(text, null, cancellationToken);

    public Task WriteWavAsync(string text, string path, CancellationToken cancellationToken = default) =>
        RunAsync(text, path, cancellationToken);

    private async Task RunAsync(string text, string? wavPath, CancellationToken cancellationToken)
    {
        if (_missing.Value is { } why)
        {
            throw new InvalidOperationException(why);
        }

        var start = new ProcessStartInfo(_options.Program) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-v");
        start.ArgumentList.Add(_options.Voice);
        start.ArgumentList.Add("-s");
        start.ArgumentList.Add(_options.Speed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (wavPath is not null)
        {
            start.ArgumentList.Add("-w");
            start.ArgumentList.Add(wavPath);
        }

        start.ArgumentList.Add("--");
        start.ArgumentList.Add(text);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{_options.Program} did not start.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{_options.Program} failed ({process.ExitCode}): {(await errors.ConfigureAwait(false)).Trim()}");
        }
    }

    private string? Probe()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(_options.Program, "--version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            process?.WaitForExit(5000);
            return process is { ExitCode: 0 } ? null : $"{_options.Program} did not run; replies are printed only.";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"{_options.Program} is not installed (apt-get install espeak-ng); replies are printed only.";
        }
    }
}
