using Car.Assistant.Policy.Safety;
using Car.Language;

namespace Car.Assistant.Dialogue;

/// <summary>
/// Requests waiting for the driver's 确定, with the situation they were asked in. They lapse after
/// <see cref="Lifetime"/> or as soon as the speed band, park or rain changes: a yes answers the question that was asked.
/// </summary>
public sealed record HeldConfirmation(IReadOnlyList<Intent> Intents, DateTimeOffset AskedAt, string Band)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);

    public bool IsValid(DateTimeOffset now, string band) => now - AskedAt <= Lifetime && band == Band;

    /// <summary>The situation as the confirmation depends on it: moving or not, high speed or not, in park, raining.</summary>
    public static string BandOf(DrivingSituation situation, SafetyEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(situation);
        ArgumentNullException.ThrowIfNull(envelope);
        return $"{situation.IsMoving}/{envelope.IsHighSpeed(situation)}/{situation.IsParked}/{situation.Raining}/{situation.IsPlausible}";
    }
}
