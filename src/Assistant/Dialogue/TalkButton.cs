using Car.Speech.Capture;

namespace Car.Assistant.Dialogue;

/// <summary>
/// The voice session's talk button, one for the process: the console's Space or Enter and the dashboard's
/// <c>/api/talk</c> work the same <see cref="PushToTalk"/>, and an utterance the VAD ends releases it for both.
/// <see cref="Mode"/> says whether there is a button to press at all.
/// </summary>
public sealed class TalkButton
{
    private readonly Lock _gate = new();
    private ListeningMode? _mode;

    public TalkButton()
    {
        Button.Changed += _ => Changed?.Invoke();
    }

    /// <summary>Raised when the button is pressed or released, or a voice session starts or ends.</summary>
    public event Action? Changed;

    /// <summary>The button the session's <c>LiveUtterances</c> listens to.</summary>
    public PushToTalk Button { get; } = new();

    /// <summary>How the running voice session listens (<c>Capture:Mode</c>); null while no voice session listens to a microphone.</summary>
    public ListeningMode? Mode
    {
        get
        {
            lock (_gate)
            {
                return _mode;
            }
        }
    }

    public bool IsHeld => Button.IsHeld;

    /// <summary>Called by the voice session: it listens in <paramref name="mode"/> (null: it has ended).</summary>
    public void Listening(ListeningMode? mode)
    {
        if (mode != ListeningMode.PushToTalk)
        {
            Button.Release();
        }

        bool changed;
        lock (_gate)
        {
            changed = _mode != mode;
            _mode = mode;
        }

        if (changed)
        {
            Changed?.Invoke();
        }
    }
}
