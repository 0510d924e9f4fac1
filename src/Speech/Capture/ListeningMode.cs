namespace Car.Speech.Capture;

/// <summary>When the microphone's audio is listened to.</summary>
public enum ListeningMode
{
    /// <summary>Always: the voice activity detector finds every utterance.</summary>
    Always,

    /// <summary>Only after the talk key is pressed, until it is pressed again or the utterance ends.</summary>
    PushToTalk,
}
