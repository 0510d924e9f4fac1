namespace Car.Speech.Capture;

/// <summary>
/// The talk button: pressed, the microphone's audio is listened to; released (or, after one utterance, released by
/// itself), it is ignored. A terminal sees no key-up, so the console's Space or Enter toggles it.
/// </summary>
public sealed class PushToTalk
{
    private volatile bool _held;

    /// <summary>Raised when the button is pressed or released (true: pressed).</summary>
    public event Action<bool>? Changed;

    public bool IsHeld => _held;

    public void Press() => Set(true);

    public void Release() => Set(false);

    public void Toggle() => Set(!_held);

    private void Set(bool held)
    {
        if (_held != held)
        {
            _held = held;
            Changed?.Invoke(held);
        }
    }
}
