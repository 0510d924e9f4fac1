using Car.Language.Model;

namespace Car.Language;

/// <summary>
/// 调到22度，不，24度 and 导航去公司，哦不，去机场: a short word of denial said on its own between pauses (lexicon
/// <c>correctionClauses</c>: 不, 不是, 哦不) right after a request takes that request back, as 不对 and 说错了 do anywhere;
/// what follows is the request meant. Inside a sentence the same words only negate (不开窗, 不是很热).
/// </summary>
public sealed class SpokenCorrection(Lexicon lexicon)
{
    private readonly IReadOnlyList<string> _clauses = lexicon.SlotWords("correctionClauses");

    /// <summary>Replaces the tags of each such clause of <paramref name="text"/> with one correction, a boundary.</summary>
    public void Mark(List<Tag> tags, string text)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < tags.Count; i++)
        {
            if (!IsPause(tags[i]) || tags[i].Start == 0)
            {
                continue;
            }

            var start = tags[i].End;
            var next = tags.FindIndex(i + 1, t => IsPause(t));
            var end = next < 0 ? text.Length : tags[next].Start;
            if (end <= start || !IsCorrection(text.AsSpan(start, end - start)))
            {
                continue;
            }

            tags.RemoveAll(t => t.Start >= start && t.End <= end);
            tags.Insert(i + 1, new Tag([Lexicon.BoundaryConcept, FrameBuilder.CorrectionConcept], start, end, text[start..end]));
        }

        for (var i = 0; i < tags.Count; i++)
        {
            if (tags[i].Has(FrameBuilder.CorrectionConcept))
            {
                NameTheCorrectedPart(tags, i);
            }
        }
    }

    /// <summary>
    /// 座椅加热，不对，是通风: a correction that names only another part of the device just named (通风 for 加热) means
    /// the device with that part (座椅通风), when the lexicon knows such a device; alone, 通风 would be a need for air.
    /// </summary>
    private void NameTheCorrectedPart(List<Tag> tags, int correction)
    {
        var corrected = tags.FindLastIndex(correction, t => t.HasGroup(DeviceGroup));
        var part = tags.FindIndex(correction + 1, t => !t.IsBoundary && !t.IsFiller && !t.Has(ConfirmConcept));
        if (corrected < 0 || part < 0 || !tags[part].IsHead || tags[part].HasGroup(DeviceGroup)
            || (part + 1 < tags.Count && !tags[part + 1].IsBoundary))
        {
            return;
        }

        var device = tags[corrected].Surface;
        for (var kept = device.Length - 1; kept > 0; kept--)
        {
            var whole = string.Concat(device.AsSpan(0, kept), tags[part].Surface);
            if (lexicon.Concepts.Match(whole, 0, out var concepts) == whole.Length && concepts.Any(c => c.StartsWith(DevicePrefix, StringComparison.Ordinal)))
            {
                tags[part] = tags[part] with { Concepts = concepts };
                return;
            }
        }
    }

    private const string DeviceGroup = "dev";

    private const string DevicePrefix = "dev:";

    private const string ConfirmConcept = "confirm";

    private bool IsCorrection(ReadOnlySpan<char> clause)
    {
        foreach (var correction in _clauses)
        {
            if (clause.SequenceEqual(correction))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A comma, a full stop or a space: the pauses a recogniser or a typist writes.</summary>
    private static bool IsPause(Tag tag) => tag.IsBoundary && tag.Surface.Length == 1 && !char.IsLetter(tag.Surface[0]);
}
