using System.ComponentModel.DataAnnotations;

namespace Car.Speech.Recognition;

/// <summary>Speech recognition (Whisper). Section <c>Asr</c>; <c>--asr-model</c> sets the model.</summary>
public sealed class SpeechRecognitionOptions
{
    public const string SectionName = "Asr";

    /// <summary>The whisper.cpp model (from the OTA bundle); none means utterances are found but not recognised.</summary>
    public string? ModelPath { get; set; }

    [Range(1, 64)]
    public int Threads { get; set; } = 2;

    /// <summary>Tokens per utterance at most: a car command is short, and a runaway decode must end.</summary>
    [Range(1, 448)]
    public int MaxTokens { get; set; } = 48;

    /// <summary>Words that tell the decoder what drivers say (Whisper's initial prompt).</summary>
    public string Prompt { get; set; } = "车窗 天窗 空调 温度 风量 内循环 座椅加热 座椅通风 导航 音量 打开 关闭 调到 度";
}
