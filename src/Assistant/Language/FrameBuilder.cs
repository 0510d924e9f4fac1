namespace Car.Assistant.Language;

/// <summary>
/// Splits the tags of an utterance into requests. A boundary (，/然后/再/和…) or a new head ends the current
/// request only when that request already means something, so 温度再调低一点 stays one request while
/// 副驾车窗开一半空调调到22度 becomes two. A second action after a complete request starts a new one about the
/// same thing (打开空调调到22度). A request left without an action borrows the previous one's (打开车窗和天窗).
/// </summary>
public static class FrameBuilder
{
    public static List<Frame> Build(IReadOnlyList<Tag> tags, int textLength, Func<Frame, bool> isComplete)
    {
        var frames = new List<Frame>();
        var current = new Frame(0);
        foreach (var tag in tags)
        {
            if (tag.IsFiller)
            {
                continue;
            }

            if (tag.IsBoundary)
            {
                if (!current.IsEmpty && isComplete(current))
                {
                    current.SpanEnd = tag.Start;
                    frames.Add(current);
                    current = new Frame(tag.End);
                }

                continue;
            }

            if (tag.IsHead && current.HasOwnHead && !current.HasHeadLike(tag) && isComplete(current))
            {
                current.SpanEnd = tag.Start;
                frames.Add(current);
                current = new Frame(tag.Start);
            }
            else if (tag.IsAction && !tag.IsHead && current.HasAction && isComplete(current))
            {
                var heads = current.AllTags.Where(t => t.IsHead).ToList();
                current.SpanEnd = tag.Start;
                frames.Add(current);
                current = new Frame(tag.Start);
                current.Inherit(heads);
            }

            current.Add(tag);
        }

        current.SpanEnd = textLength;
        if (!current.IsEmpty)
        {
            frames.Add(current);
        }

        BorrowMissingActions(frames, isComplete);
        return frames;
    }

    private static void BorrowMissingActions(List<Frame> frames, Func<Frame, bool> isComplete)
    {
        for (var i = 1; i < frames.Count; i++)
        {
            var frame = frames[i];
            if (frame.HasAction || !frame.HasOwnHead || isComplete(frame))
            {
                continue;
            }

            var previousActions = frames[i - 1].Tags.Where(t => t.IsAction && !t.IsHead).ToList();
            frame.Inherit(previousActions);
        }
    }
}
