using Car.Language;

namespace Car.Assistant.Dialogue;

/// <summary>
/// What the car last started for the driver, a route, music or a call, and when. A bare 取消 or 算了 with nothing
/// waiting for an answer stops it while it is fresh: 导航到公司 and then 取消 ends the route; 没事了 only waves the
/// assistant off (<see cref="ParsedUtterance.WavesOff"/>). Whatever the next turn does instead (打开车窗) replaces
/// it, so 取消 never reaches back past the request just made.
/// </summary>
public sealed record StartedActivity(Intent Stop, DateTimeOffset StartedAt)
{
    /// <summary>How long after the start a bare cancel still means "stop that".</summary>
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(60);

    /// <summary>The request that stops the last activity among <paramref name="acted"/>; null when none started one.</summary>
    public static StartedActivity? Of(IEnumerable<Intent> acted, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(acted);
        var stop = acted.Select(i => i.Name switch
        {
            IntentNames.NavGo or IntentNames.NavResume => IntentNames.NavCancel,
            IntentNames.MediaPlay or IntentNames.MediaNext or IntentNames.MediaPrevious => IntentNames.MediaPause,
            IntentNames.PhoneCall => IntentNames.PhoneHangUp,
            _ => null,
        }).LastOrDefault(name => name is not null);
        return stop is null ? null : new StartedActivity(new Intent(stop, []), now);
    }

    public bool IsFresh(DateTimeOffset now) => now - StartedAt <= Fresh;
}
