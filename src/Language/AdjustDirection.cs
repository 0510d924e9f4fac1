namespace Car.Language;

/// <summary>
/// Which way a request to adjust goes: up (调高, 大一点) or down (调低, 小一点). A word that says how it is rather than
/// how it should be (lexicon <c>complaint</c>: 有点, 太) right before the direction asks for the other way: 声音有点大
/// turns the volume down, 屏幕有点暗 the brightness up.
/// </summary>
public static class AdjustDirection
{
    public const string UpConcept = "act:up";
    public const string DownConcept = "act:down";
    public const string ComplaintConcept = "complaint";

    /// <summary>+1 for up, -1 for down, 0 when the tags say neither or both.</summary>
    public static int Of(IReadOnlyList<Tag> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var up = tags.Any(t => t.Has(UpConcept));
        var down = tags.Any(t => t.Has(DownConcept));
        if (up == down)
        {
            return 0;
        }

        var direction = tags.First(t => t.Has(up ? UpConcept : DownConcept));
        // 太吵了 is a complaint itself: 声音开这么大太吵了 still turns it down.
        var complained = !direction.Has(ComplaintConcept) && tags.Any(t => t.Has(ComplaintConcept) && t.End == direction.Start);
        return up != complained ? 1 : -1;
    }
}
