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

    /// <summary>Speaks through espeak-ng piped into aplay; a missing sound card throws with ALSA's one line.</summary>
    public async Task SpeakAsync(string text, CancellationToken cancellationToken = default)
    {
        ThrowIfMissing();
        var player = new ProcessStartInfo(_options.Player) { RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-q", "-D", _options.Device })
        {
            player.ArgumentList.Add(argument);
        }

        Process playing;
        try
        {
            playing = Process.Start(player) ?? throw new InvalidOperationException($"{_options.Player} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{_options.Player} is not installed (apt-get install alsa-utils): nothing can be played.", e);
        }

        using (playing)
        {
            var playerErrors = playing.StandardError.ReadToEndAsync(cancellationToken);
            using var speaking = Process.Start(Espeak(text, wavPath: null)) ?? throw new InvalidOperationException($"{_options.Program} did not start.");
            var speakingErrors = speaking.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                try
                {
                    await speaking.StandardOutput.BaseStream.CopyToAsync(playing.StandardInput.BaseStream, cancellationToken).ConfigureAwait(false);
                }
                catch (IOException)
                {
                    // The player ended early (no sound device): its exit code and words say why.
                    speaking.Kill();
                }
                finally
                {
                    ClosePlayerInput(playing);
                }

                await Task.WhenAll(speaking.WaitForExitAsync(cancellationToken), playing.WaitForExitAsync(cancellationToken)).ConfigureAwait(false);
            }
            finally
            {
                // Cancelled (Ctrl+C): nothing keeps talking after the program.
                foreach (var process in new[] { speaking, playing }.Where(p => !p.HasExited))
                {
                    process.Kill();
                }
            }

            if (playing.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"cannot play to the sound device '{_options.Device}' ({_options.Player}): {Capture.AlsaErrors.Summarize(await playerErrors.ConfigureAwait(false))}.");
            }

            if (speaking.ExitCode != 0)
            {
                throw new InvalidOperationException($"{_options.Program} failed ({speaking.ExitCode}): {(await speakingErrors.ConfigureAwait(false)).Trim()}");
            }
        }
    }

    /// <summary>Writes the spoken <paramref name="text"/> as WAV into <paramref name="destination"/> while it is synthesised.</summary>
    public async Task SynthesizeAsync(string text, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ThrowIfMissing();
        using var process = Process.Start(Espeak(text, wavPath: null)) ?? throw new InvalidOperationException($"{_options.Program} did not start.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.BaseStream.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{_options.Program} failed ({process.ExitCode}): {(await errors.ConfigureAwait(false)).Trim()}");
        }
    }

    public async Task WriteWavAsync(string text, string path, CancellationToken cancellationToken = default)
    {
        ThrowIfMissing();
        using var process = Process.Start(Espeak(text, path)) ?? throw new InvalidOperationException($"{_options.Program} did not start.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{_options.Program} failed ({process.ExitCode}): {(await errors.ConfigureAwait(false)).Trim()}");
        }
    }

    private static void ClosePlayerInput(Process playing)
    {
        try
        {
            playing.StandardInput.Close();
        }
        catch (IOException)
        {
            // The player is gone already; its exit code says why.
        }
    }

    private void ThrowIfMissing()
    {
        if (_missing.Value is { } why)
        {
            throw new InvalidOperationException(why);
        }
    }

    /// <summary>espeak-ng writing a WAV file, or to stdout when <paramref name="wavPath"/> is null.</summary>
    private ProcessStartInfo Espeak(string text, string? wavPath)
    {
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
        else
        {
            start.ArgumentList.Add("--stdout");
        }

        start.ArgumentList.Add("--");
        start.ArgumentList.Add(text);
        return start;
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
