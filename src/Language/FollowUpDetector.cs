namespace Car.Language;

/// <summary>Recognises a frame that only makes sense against the previous request (再低一点, 副驾也要, 第二个, 好的).</summary>
public static class FollowUpDetector
{
    public static FollowUp? Detect(Frame frame)
    {
        var tags = frame.Tags;
        var ordinal = tags.ToList().FindIndex(t => t.Has("ordinal"));
        if (ordinal >= 0 && ordinal + 1 < tags.Count && tags[ordinal + 1].Number is { } index && index >= 1)
        {
            return new SelectFollowUp((int)index);
        }

        if (frame.HasOwnHead)
        {
            return null;
        }

        if (tags.Any(t => t.Has("more")))
        {
            return new MoreChoicesFollowUp();
        }

        if (tags.Any(t => t.Has("also")))
        {
            return new AlsoFollowUp(SlotExtractors.Position(frame));
        }

        if (AdjustDirection.Of(tags) is var direction and not 0)
        {
            var amount = tags.FirstOrDefault(t => t.Number is not null)?.Number;
            return new AdjustFollowUp(direction, amount);
        }

        return tags.Count > 0 && tags.All(t => t.Has("confirm")) ? new ConfirmFollowUp() : null;
    }
}
