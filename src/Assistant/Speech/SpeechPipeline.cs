using Car.Assistant.Dialogue;
using Car.Assistant.Speech.Whisper;

namespace Car.Assistant.Speech;

/// <summary>
/// What happens to an utterance once voice activity detection has closed it: Whisper transcribes it (Traditional
/// characters mapped to Simplified); a transcript
/// too unsure to act on becomes a request to repeat; a confident one goes through the conversation (parse, policy,
/// bus). Without a recogniser it says so.
/// </summary>
public sealed class SpeechPipeline(WhisperProcessor? recogniser, TraditionalToSimplified script, Conversation conversation)
{
    public const string SayAgain = "没听清，请再说一遍";
    public const double MinConfidence = 0.4;

    /// <summary>Words that tell the decoder what drivers say (Whisper's initial prompt).</summary>
    public const string CarVocabulary = "车窗 天窗 空调 温度 风量 内循环 座椅加热 座椅通风 导航 音量 打开 关闭 调到 度";

    public bool CanRecognise => recogniser is not null;

    public async Task<HeardUtterance> HandleAsync(float[] samples, CancellationToken cancellationToken = default)
    {
        if (recogniser is null)
        {
            return new HeardUtterance(null, null, null);
        }

        var heard = await recogniser.ProcessAsync(samples, cancellationToken).ConfigureAwait(false);
        var transcript = heard with { Text = script.Convert(heard.Text) };
        if (transcript.Confidence < MinConfidence || transcript.Text.Length == 0)
        {
            return new HeardUtterance(transcript, null, SayAgain);
        }

        var report = await conversation.HandleAsync(transcript.Text, cancellationToken).ConfigureAwait(false);
        return new HeardUtterance(transcript, report, report.Ask);
    }

    /// <summary>A Whisper processor set up for car commands (Chinese, car vocabulary, short greedy answers).</summary>
    public static WhisperProcessor CreateRecogniser(WhisperFactory factory, int threads = 2) =>
        factory.CreateBuilder().WithLanguage("zh").WithPrompt(CarVocabulary).WithThreads(threads)
            .WithMaxTokens(48).WithoutTemperatureFallback().Build();
}
