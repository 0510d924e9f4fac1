using System.Diagnostics;
using System.Globalization;
using Car.Ota.Install;

namespace Car.Assistant.Cli.Models;

/// <summary>
/// Fault injection for the power-cut tests: <c>CAR_OTA_KILL_AT=step:N</c> kills this process with SIGKILL at the
/// N-th step boundary of an installation, <c>byte:N</c> once N bytes of the download have arrived. Nothing is
/// flushed or cleaned up: the store sees exactly what a power cut would leave of this process's writes.
/// </summary>
internal sealed class KillSwitchObserver : IInstallObserver
{
    public const string Variable = "CAR_OTA_KILL_AT";
    private readonly bool _steps;
    private readonly long _at;
    private long _count;

    private KillSwitchObserver(bool steps, long at)
    {
        _steps = steps;
        _at = at;
    }

    /// <summary>The observer the environment asks for, or null.</summary>
    public static KillSwitchObserver? FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (value?.Split(':') is not [var kind, var number] || !long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var at))
        {
            return null;
        }

        return kind switch
        {
            "step" => new KillSwitchObserver(true, at),
            "byte" => new KillSwitchObserver(false, at),
            _ => null,
        };
    }

    public void Reached(string boundary)
    {
        if (_steps && ++_count >= _at)
        {
            Die();
        }
    }

    public void Received(long bytes)
    {
        if (!_steps && (_count += bytes) >= _at)
        {
            Die();
        }
    }

    private static void Die()
    {
        using var self = Process.GetCurrentProcess();
        self.Kill();
    }
}
