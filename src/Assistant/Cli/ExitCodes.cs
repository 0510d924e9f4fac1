namespace Car.Assistant.Cli;

/// <summary>What <c>car</c> exits with (README, "Exit codes").</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command line is wrong: an unknown command or option, a value an option does not take.</summary>
    public const int Usage = 1;

    /// <summary>A setting or data file is wrong: appsettings, <c>CAR_</c> variables, <c>--set</c>, models, gazetteers, audio.</summary>
    public const int Configuration = 2;

    /// <summary>An engine or device is missing: llama.cpp, whisper.cpp, espeak-ng, arecord, a sound card.</summary>
    public const int MissingEngine = 3;

    /// <summary>Ctrl+C (SIGINT).</summary>
    public const int Interrupted = 130;

    /// <summary>SIGTERM: asked to stop (a service manager, <c>kill</c>).</summary>
    public const int Terminated = 143;
}
