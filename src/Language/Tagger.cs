using Car.Language.Model;

namespace Car.Language;

/// <summary>
/// Cuts a normalised utterance into tags by longest match against the lexicon and the number scanner (the longer
/// wins; on a tie the lexicon, so 一点 is "a little" and not the number one). A unit after a number joins it:
/// 二十二度 is <c>num:degree</c> 22, 二十二度半 is 22.5, 三档 is <c>num:level</c> 3, 30% is <c>num:percent</c> 30.
/// Five or more digits are a phone number (<c>phone</c>), three or more right after a word for calling when nothing follows (打120); so are digits said one by one (一三八…, 打一一零). A space between Latin letters is part of a name, not a boundary. Characters the lexicon does not know are skipped; they stay in the text for the speaker's-words slots.
/// </summary>
public sealed class Tagger
{
    /// <summary>The concept of a phone number's digits.</summary>
    public const string PhoneNumberConcept = "phone";

    public const int ShortestPhoneNumber = 5;

    /// <summary>
    /// The fewest digits a number said right after a word for calling has to be a phone number: 打120, 拨110, 呼叫955.
    /// </summary>
    public const int ShortestDialledNumber = 3;

    private static readonly string[] CallingConcepts = ["act:call", "act:dial"];

    private readonly Lexicon _lexicon;

    public Tagger(Lexicon lexicon)
    {
        _lexicon = lexicon;
    }

    public List<Tag> Tag(string text) => Tag(text, accepts: null);

    /// <summary>
    /// Tags <paramref name="text"/>, taking at each position the longest word or number that
    /// <paramref name="accepts"/> (start, end, concepts) allows: with word boundaries, 我想听 is 我 + 想听 when the
    /// segmenter cuts 我|想听, not the filler 我想 followed by a stray 听.
    /// </summary>
    public List<Tag> Tag(string text, Func<int, int, IReadOnlyList<string>, bool>? accepts)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tags = new List<Tag>();
        var span = text.AsSpan();
        var words = new List<(int Length, string[] Concepts)>();
        for (var i = 0; i < span.Length;)
        {
            var afterCalling = tags.Count > 0 && tags[^1].End == i && CallingConcepts.Any(tags[^1].Has);
            if (DialledLength(span, i, afterCalling) is var digits and > 0)
            {
                tags.Add(new Tag([PhoneNumberConcept], i, i + digits, text.Substring(i, digits)));
                i += digits;
                continue;
            }

            if (IsSpaceInsideLatinWords(span, i))
            {
                i++;
                continue;
            }

            _lexicon.Concepts.MatchAll(span, i, words);
            if (accepts is not null)
            {
                words.RemoveAll(w => !accepts(i, i + w.Length, w.Concepts));
            }

            var wordLength = words.Count > 0 ? words[0].Length : 0;
            var numberLength = ChineseNumberScanner.Scan(span, i, out var number, out var form);
            if (numberLength > wordLength && (accepts is null || accepts(i, i + numberLength, NumberConcepts)))
            {
                var end = i + numberLength;
                var unit = form == NumberForm.Percent ? "percent" : null;
                if (unit is null)
                {
                    (unit, end, number) = AttachUnit(span, end, number);
                }

                tags.Add(new Tag([$"num:{unit ?? "bare"}"], i, end, text[i..end], number));
                i = end;
            }
            else if (wordLength > 0)
            {
                tags.Add(new Tag(words[0].Concepts, i, i + wordLength, text.Substring(i, wordLength)));
                i += wordLength;
            }
            else
            {
                i++;
            }
        }

        return tags;
    }

    private static readonly string[] NumberConcepts = ["num:bare"];

    /// <summary>
    /// A space between two Latin letters separates the words of one name or title (john doe, blue river), not two
    /// requests: it is no boundary.
    /// </summary>
    private static bool IsSpaceInsideLatinWords(ReadOnlySpan<char> text, int index) =>
        text[index] == ' ' && index > 0 && index + 1 < text.Length
        && char.IsAsciiLetter(text[index - 1]) && char.IsAsciiLetter(text[index + 1]);

    /// <summary>
    /// How long the phone number starting at <paramref name="start"/> is, in digits (13812345678) or said one by one
    /// (一三八…), or 0: <see cref="ShortestPhoneNumber"/> digits anywhere, <see cref="ShortestDialledNumber"/> right after a
    /// word for calling when nothing follows.
    /// </summary>
    private static int DialledLength(ReadOnlySpan<char> text, int start, bool afterCalling)
    {
        var shortest = afterCalling ? ShortestDialledNumber : ShortestPhoneNumber;
        var length = PhoneNumberLength(text, start, shortest);
        if (length == 0 && SpokenNumber.RunLength(text, start) is var said && said >= shortest)
        {
            length = said;
        }

        return length >= ShortestPhoneNumber || (length > 0 && EndsTheRequest(text, start + length)) ? length : 0;
    }

    /// <summary>
    /// A run of <see cref="ShortestPhoneNumber"/> or more digits is a phone number (10086, 13812345678), never a
    /// setting: nothing in a car is set to five digits. Right after a word for calling, <see cref="ShortestDialledNumber"/>
    /// digits are enough when nothing follows.
    /// </summary>
    private static int PhoneNumberLength(ReadOnlySpan<char> text, int start, int shortest)
    {
        if (start > 0 && char.IsAsciiDigit(text[start - 1]))
        {
            return 0;
        }

        var end = start;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || (text[end] == '-' && end > start)))
        {
            end++;
        }

        var digits = 0;
        for (var i = start; i < end; i++)
        {
            digits += char.IsAsciiDigit(text[i]) ? 1 : 0;
        }

        var decimalOrPercent = end < text.Length && text[end] is '.' or '%';
        return digits >= shortest && !decimalOrPercent ? end - start : 0;
    }

    /// <summary>
    /// Whether a short number ends what was said (打120, 打120。): one followed by more words is something else, a unit
    /// (打100度) or a title (拨打123 and a song's words).
    /// </summary>
    private static bool EndsTheRequest(ReadOnlySpan<char> text, int end) =>
        end == text.Length || char.IsWhiteSpace(text[end]) || char.IsPunctuation(text[end]);

    private (string? Unit, int End, double Number) AttachUnit(ReadOnlySpan<char> text, int end, double number)
    {
        var length = _lexicon.Concepts.Match(text, end, out var concepts);
        if (length == 0)
        {
            return (null, end, number);
        }

        var unit = concepts.FirstOrDefault(c => c.StartsWith("unit:", StringComparison.Ordinal))?[5..];
        if (unit is null)
        {
            return (null, end, number);
        }

        end += length;
        if (unit is "degree" && end < text.Length && text[end] == '半')
        {
            return (unit, end + 1, number + 0.5);
        }

        return (unit, end, number);
    }
}
