using System.ComponentModel.DataAnnotations;

namespace Car.Speech.Recognition;

/// <summary>Speech recognition (Whisper). Section <c>Asr</c>; <c>--asr-model</c> sets the model.</summary>
public sealed class SpeechRecognitionOptions
{
    public const string SectionName = "Asr";

    /// <summary>The whisper.cpp model (from the OTA bundle); none means utterances are found but not recognised.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Whisper's threads: fewer than the cores, so navigation and media keep one (2 on a 4-core head unit).</summary>
    [Range(1, 64)]
    public int Threads { get; set; } = 2;

    /// <summary>
    /// How whisper.cpp's OpenMP threads wait between steps: <c>PASSIVE</c> sleeps (the default: under a competing load
    /// it cut a spoken turn from 3.97 s to 1.34 s, at ≈ 20 % when the machine is quiet), <c>ACTIVE</c> spins. Taken
    /// when the first model loads (libgomp reads it once); <c>OMP_WAIT_POLICY</c> in the environment wins.
    /// </summary>
    [RegularExpression("(?i)^(PASSIVE|ACTIVE)$")]
    public string WaitPolicy { get; set; } = "PASSIVE";

    /// <summary>Spins before a waiting thread sleeps (<c>GOMP_SPINCOUNT</c>); none keeps libgomp's own for the policy.</summary>
    [Range(0, long.MaxValue)]
    public long? SpinCount { get; set; }

    /// <summary>
    /// The nice value recognition runs at while it runs (a few hundred ms per request). Below the 0 of navigation and
    /// media, so on a busy head unit a spoken request is recognised first: with two busy processes on two cores, a
    /// pass took 540 ms at -5 against 850 at 0. Lowering it needs <c>CAP_SYS_NICE</c> (systemd:
    /// <c>AmbientCapabilities=CAP_SYS_NICE</c>, or <c>LimitNICE=</c>); without it recognition runs at the process's
    /// priority and the log says so when the model loads. 0 leaves the process's priority.
    /// </summary>
    [Range(-20, 19)]
    public int Nice { get; set; } = -5;

    /// <summary>Tokens per utterance at most: a car command is short, and a runaway decode must end.</summary>
    [Range(1, 448)]
    public int MaxTokens { get; set; } = 48;

    /// <summary>Words that tell the decoder what drivers say (Whisper's initial prompt).</summary>
    public string Prompt { get; set; } = "车窗 天窗 空调 温度 风量 内循环 座椅加热 座椅通风 导航 音量 打开 关闭 调到 度";
}
