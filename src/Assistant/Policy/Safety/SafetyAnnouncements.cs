namespace Car.Assistant.Policy.Safety;

/// <summary>What the supervisor did on its own, for whoever talks to the driver (the console prints it, the voice session says it).</summary>
public sealed class SafetyAnnouncements
{
    public event Action<string>? Announced;

    public void Announce(string text) => Announced?.Invoke(text);
}
