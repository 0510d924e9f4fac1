namespace Car.Language;

/// <summary>What the frame builder asks of the rules while it splits an utterance into requests.</summary>
public interface IFrameJudge
{
    /// <summary>The frame already means a request.</summary>
    bool IsComplete(Frame frame);

    /// <summary>The frame's request takes the speaker's own words (a destination, a contact, a song).</summary>
    bool TakesSpeakerWords(Frame frame);
}
