using Car.Language.Gazetteers;
using Car.Language.Model;
using Car.Language.Segmentation;

namespace Car.Language;

/// <summary>
/// Sharpens the speaker's-words slots of a parsed request with what is known about names: a contact, destination
/// or title the owner's gazetteer lists makes the request sure; 周杰伦的稻香 is an artist and a title when the part
/// before 的 is a known artist, a person's name (jieba's <c>nr</c>), a name in Latin letters or one word the dictionary
/// does not know, and always for X唱的Y and X演唱的Y; 不能说的秘密 stays one title. X歌曲Y (歌曲 a word of its own) is an
/// artist and a title too, and so is a person's name the dictionary knows beside a title (某歌手 + 歌名, 歌名 + 某歌手).
/// </summary>
public static class NamedSlots
{

    /// <summary>
    /// The fewest characters an artist split at 的 has; a title after a name that the dictionary does not know has as
    /// many (难念的经 is one title).
    /// </summary>
    private const int ShortestPart = 2;

    public static Intent Refine(Intent intent, Gazetteer names, SegmentedText? words, Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(lexicon);
        var surnames = lexicon.SlotWords("surnames");
        if (intent.Name == IntentNames.MediaPlay && intent.Text(SlotNames.Query) is { } query
            && !names.Contains(GazetteerKind.Title, query) && !names.Contains(GazetteerKind.Album, query)
            && SplitArtistAndTitle(query, names, words, surnames) is var (artist, title)
            && !lexicon.SlotWords("titleReject").Contains(title))
        {
            var others = intent.Slots.Where(s => s.Key != SlotNames.Query);
            intent = intent with
            {
                Slots = [new(SlotNames.Artist, SlotValue.Of(artist)), new(SlotNames.Title, SlotValue.Of(LibraryTitleOpening(title, names))), .. others],
            };
        }

        return IsKnown(intent, names) ? intent with { Confidence = 1.0 } : intent;
    }

    /// <summary>
    /// 周杰伦的稻香 said alone: a singer the owner's list names, or a person's name the dictionary knows (jieba's
    /// <c>nr</c>, two or three characters opening with a common surname), 的, and a title of two characters or more;
    /// null for anything else (a name the dictionary does not know, 作品 or another of <c>titleReject</c>). The parser
    /// asks only when the lexicon found no word of its own in the utterance (王芳的老公 is no song), nor for a title holding a
    /// question word (周杰伦的新歌叫什么 asks a name: lexicon <c>questionWords</c>). X唱的Y and X唱的
    /// alone are <see cref="SungAlone"/>.
    /// </summary>
    public static Intent? SongNamedAlone(string text, Gazetteer names, SegmentedText words, Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(lexicon);
        if (SungAlone(text, names, words, lexicon) is { } sung)
        {
            return sung;
        }

        var of = text.IndexOf('的', StringComparison.Ordinal);
        if (of < ShortestPart || text.Length - of - 1 < ShortestPart || text.IndexOf('的', of + 1) >= 0)
        {
            return null;
        }

        var artist = text[..of];
        var title = text[(of + 1)..];
        var start = words.Text.IndexOf(text, StringComparison.Ordinal);
        var person = start >= 0 && WordSpelling(artist, words, start) is { } word && IsSurnamedPerson(word, words, lexicon.SlotWords("surnames"));
        return (person || names.Contains(GazetteerKind.Artist, artist)) && !lexicon.SlotWords("titleReject").Contains(title)
            && !lexicon.SlotWords("questionWords").Any(q => title.Contains(q, StringComparison.Ordinal))
            ? new Intent(IntentNames.MediaPlay, [new(SlotNames.Artist, SlotValue.Of(artist)), new(SlotNames.Title, SlotValue.Of(title))])
            : null;
    }

    /// <summary>
    /// 某歌手唱的某首歌 or 某歌手演唱的 said alone: that singer's song, or that singer. Sure when the owner's library
    /// names the singer, or the title after a singer said as one word, or the singer is a person's name
    /// (<see cref="IsSurnamedPerson"/>); asked about otherwise. A filler opening the title (那个) is not part of it.
    /// Not a song: a pronoun singing (你唱的, lexicon <c>speakers</c>), a question (<c>questionWords</c>: 他唱的是什么),
    /// a title of one character or in <c>titleReject</c>.
    /// </summary>
    private static Intent? SungAlone(string text, Gazetteer names, SegmentedText words, Lexicon lexicon)
    {
        // The trailing 的 of 某歌手演唱的 is gone from the text as a filler (唱 alone ends 说唱 too).
        text = text.EndsWith("演唱", StringComparison.Ordinal) ? text + "的" : text;
        var performed = text.IndexOf("演唱的", StringComparison.Ordinal);
        var (at, width) = performed > 0 ? (performed, 3) : (text.IndexOf("唱的", StringComparison.Ordinal), 2);
        if (at < ShortestPart)
        {
            return null;
        }

        var artist = text[..at];
        var title = SpeakerSpan.Core(text[(at + width)..], lexicon.SlotWords("leadFillers"), []);
        if (lexicon.SlotWords("speakers").Contains(artist) || lexicon.SlotWords("questionWords").Any(q => text.Contains(q, StringComparison.Ordinal))
            || title.Length == 1 || lexicon.SlotWords("titleReject").Contains(title))
        {
            return null;
        }

        var artistWord = WordSpelling(artist, words);
        var person = artistWord is { } word && IsSurnamedPerson(word, words, lexicon.SlotWords("surnames"));
        var known = person || names.Contains(GazetteerKind.Artist, artist) || (artistWord is not null && names.Contains(GazetteerKind.Title, title));
        IReadOnlyList<KeyValuePair<string, SlotValue>> slots = title.Length == 0
            ? [new(SlotNames.Artist, SlotValue.Of(artist))]
            : [new(SlotNames.Artist, SlotValue.Of(artist)), new(SlotNames.Title, SlotValue.Of(title))];
        return new Intent(IntentNames.MediaPlay, slots) { Confidence = known ? 1.0 : SlotExtractors.DoubtfulWords };
    }

    /// <summary>
    /// 播放某歌手的歌曲某首歌, 我要听某歌手的歌某首歌: the singer's song named after the word for a song, where the query
    /// template took only the singer. The title runs to the end of the utterance and holds no word the lexicon knows;
    /// not a title: fillers (吧), words that open other talk (lexicon <c>leadFillers</c>: 你好, 那个), a question
    /// (lexicon <c>questionWords</c>: 好吗), praise or another word the dictionary tags as an adjective, adverb or verb
    /// (好听, 谢谢), more songs (全部歌曲), one of <c>titleReject</c>.
    /// </summary>
    public static Intent TitleAfterSongWord(Intent intent, string normalized, SegmentedText? words, IReadOnlyList<Tag> tags, Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(lexicon);
        if (intent.Name != IntentNames.MediaPlay || intent.Text(SlotNames.Query) is not { } artist || words is null)
        {
            return intent;
        }

        foreach (var songWord in SongWordsBeforeTitle)
        {
            var at = normalized.IndexOf(artist + songWord, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var start = at + artist.Length + songWord.Length;
            if (start >= normalized.Length || !words.IsBoundary(start) || tags.Any(t => t.End > start && !t.IsFiller))
            {
                return intent;
            }

            var title = SpeakerSpan.Core(normalized[start..], [], lexicon.SlotWords("trailFillers"));
            var titleStart = normalized.IndexOf(title, start, StringComparison.Ordinal);
            var single = title.Length > 0 ? WordSpelling(title, words, titleStart) : null;
            var notATitle = title.Length < ShortestPart || lexicon.SlotWords("titleReject").Contains(title)
                || lexicon.SlotWords("leadFillers").Any(f => title.StartsWith(f, StringComparison.Ordinal))
                || lexicon.SlotWords("questionWords").Any(q => title.Contains(q, StringComparison.Ordinal))
                || single is { Tag: "a" or "ad" or "d" or "v" or "vn" or "l" or "u" or "y" or "e" or "o" }
                || title.StartsWith('好') || title.EndsWith('歌') || title.EndsWith("歌曲", StringComparison.Ordinal);
            return notATitle
                ? intent
                : intent with
                {
                    Slots = [new(SlotNames.Artist, SlotValue.Of(artist)), new(SlotNames.Title, SlotValue.Of(title)),
                        .. intent.Slots.Where(s => s.Key != SlotNames.Query)],
                };
        }

        return intent;
    }

    private static readonly string[] SongWordsBeforeTitle = ["的歌曲", "的歌"];

    /// <summary>
    /// A title the library does not have, that opens with one it has (某歌手的某首歌 and talk after it): the library's
    /// title. Any other title stays as said.
    /// </summary>
    private static string LibraryTitleOpening(string title, Gazetteer names) =>
        names.Contains(GazetteerKind.Title, title) ? title
            : names.Find(title) is [{ Start: 0, Kind: GazetteerKind.Title, Name: var known }, ..]
                && known.Length >= ShortestTitleOpening && known.Length < title.Length ? known
            : title;

    /// <summary>The shortest library title taken as the opening of a longer one (梦想 opens too many other words).</summary>
    private const int ShortestTitleOpening = 3;

    private static bool IsKnown(Intent intent, Gazetteer names) => intent.Name switch
    {
        IntentNames.PhoneCall => names.Contains(GazetteerKind.Contact, intent.Text(SlotNames.Contact)),
        IntentNames.NavGo => names.Contains(GazetteerKind.Place, intent.Text(SlotNames.Destination)),
        IntentNames.MediaPlay => names.Contains(GazetteerKind.Title, intent.Text(SlotNames.Title) ?? intent.Text(SlotNames.Query))
            || names.Contains(GazetteerKind.Artist, intent.Text(SlotNames.Artist) ?? intent.Text(SlotNames.Query))
            || names.Contains(GazetteerKind.Album, intent.Text(SlotNames.Query)),
        _ => false,
    };

    private static (string Artist, string Title)? SplitArtistAndTitle(
        string query, Gazetteer names, SegmentedText? words, IReadOnlyList<string> surnames) =>
        AroundSongWord(query, words) ?? AroundOf(query, names, words, surnames) ?? BesidePersonName(query, words, surnames);

    /// <summary>
    /// X歌曲Y or X的歌曲Y: the artist, the word for a song, then the title (歌曲 a word of its own); the 的 joining them
    /// is no part of the artist's name.
    /// </summary>
    private static (string Artist, string Title)? AroundSongWord(string query, SegmentedText? words)
    {
        var start = QueryStart(query, words);
        var at = query.IndexOf(SongWord, StringComparison.Ordinal);
        var artist = at > 0 ? query[..at].TrimEnd('的') : string.Empty;
        return start >= 0 && artist.Length >= ShortestPart && query.Length - at - SongWord.Length >= ShortestPart
            && WordSpelling(SongWord, words, start + at) is not null
            ? (artist, query[(at + SongWord.Length)..])
            : null;
    }

    private const string SongWord = "歌曲";

    /// <summary>
    /// A person's name the dictionary knows (jieba's <c>nr</c>, two or three characters opening with a common surname)
    /// at one end of the query and two characters or more at the other: 某歌手 + 歌名 or 歌名 + 某歌手. jieba also tags
    /// words such as 老虎 or 凤凰 <c>nr</c>, hence the surname.
    /// </summary>
    private static (string Artist, string Title)? BesidePersonName(string query, SegmentedText? words, IReadOnlyList<string> surnames)
    {
        var start = QueryStart(query, words);
        if (words is null || start < 0)
        {
            return null;
        }

        var first = words.WordAt(start);
        if (IsSurnamedPerson(first, words, surnames) && query.Length - first.Length >= ShortestPart
            && query[first.Length] != '的')
        {
            return (query[..first.Length], query[first.Length..]);
        }

        var last = words.WordAt(start + query.Length - 1);
        var titleLength = last.Start - start;
        if (IsSurnamedFullName(last, words, surnames) && last.End == start + query.Length
            && titleLength >= ShortestPart && query[titleLength - 1] != '的')
        {
            return (query[titleLength..], query[..titleLength]);
        }

        return null;
    }

    private static bool IsSurnamedPerson(Word word, SegmentedText words, IReadOnlyList<string> surnames) =>
        word is { Tag: WordDictionary.PersonTag, Length: >= ShortestPart and <= 3 } && surnames.Contains(words.Text.Substring(word.Start, 1));

    /// <summary>A title before a name: the name has three characters (two-character <c>nr</c> words end too many titles: 高坡, 明白).</summary>
    private static bool IsSurnamedFullName(Word word, SegmentedText words, IReadOnlyList<string> surnames) =>
        word.Length == 3 && IsSurnamedPerson(word, words, surnames);

    /// <summary>Where the query starts in the segmented utterance, at a word boundary; -1 when it does not.</summary>
    private static int QueryStart(string query, SegmentedText? words)
    {
        var start = words?.Text.IndexOf(query, StringComparison.Ordinal) ?? -1;
        return words is not null && start >= 0 && words.IsBoundary(start) ? start : -1;
    }

    private const string WhenWord = "时候";

    private static (string Artist, string Title)? AroundOf(string query, Gazetteer names, SegmentedText? words, IReadOnlyList<string> surnames)
    {
        var performed = query.IndexOf("演唱的", StringComparison.Ordinal);
        var sung = performed > 0 ? performed : query.IndexOf("唱的", StringComparison.Ordinal);
        var (of, width) = performed > 0 ? (performed, 3) : sung > 0 ? (sung, 2) : (query.IndexOf('的', StringComparison.Ordinal), 1);
        if (of <= 0 || of + width >= query.Length)
        {
            return null;
        }

        var artist = query[..of];
        var title = query[(of + width)..];
        if (sung > 0)
        {
            return (artist, title);
        }

        if (artist.Length < ShortestPart || (title.StartsWith(WhenWord, StringComparison.Ordinal) && !names.Contains(GazetteerKind.Artist, artist)))
        {
            // 郎的诱惑: one character before 的 is a title's own word, not a name; 花开的时候来看我: 的时候 says when,
            // inside the title.
            return null;
        }

        var looksLikeAName = LooksLikeAName(artist, words, surnames);
        var person = IsPersonName(artist, words);
        // 某歌手的画 is a singer's one-character title after a full name (three characters, or a person's name the
        // dictionary knows); 阳光的手 and 孟婆的碗 are titles of their own.
        var fullName = looksLikeAName && (artist.Length > ShortestPart || person);
        var named = names.Contains(GazetteerKind.Artist, artist) || IsLatinName(artist, title) || fullName
            || (title.Length >= ShortestPart && (looksLikeAName || person || IsUnknownWord(artist, words)));
        return named ? (artist, title) : null;
    }

    /// <summary>A name in Latin letters before a title in Chinese (a band's or a singer's: 某乐队的 + 歌名).</summary>
    private static bool IsLatinName(string artist, string title) =>
        artist.Any(char.IsAsciiLetter) && artist.All(c => char.IsAsciiLetterOrDigit(c) || c == ' ')
        && title.Any(c => !char.IsAscii(c));

    /// <summary>
    /// One word the dictionary does not know, that the HMM found: a name it has not seen (a singer), where the part of a
    /// title before 的 is words the dictionary knows (最后的晚风, 想念你的夏天).
    /// </summary>
    private static bool IsUnknownWord(string text, SegmentedText? words) =>
        text.Length >= 2 && WordSpelling(text, words) is { Tag: WordDictionary.UnknownTag };

    private static bool IsPersonName(string text, SegmentedText? words) =>
        WordSpelling(text, words) is { Tag: WordDictionary.PersonTag };

    /// <summary>
    /// Two or three characters opening with a common surname that the dictionary does not know as some other word:
    /// 刘明湘 and 赵雷 are singers, 周末 (a time word) and 不能说 are not.
    /// </summary>
    private static bool LooksLikeAName(string text, SegmentedText? words, IReadOnlyList<string> surnames)
    {
        if (text.Length is < 2 or > 3 || !surnames.Contains(text[..1]))
        {
            return false;
        }

        if (words is null)
        {
            return true;
        }

        return words.Text.Contains(text, StringComparison.Ordinal)
            && WordSpelling(text, words) is not { Tag: not (WordDictionary.UnknownTag or WordDictionary.PersonTag) };
    }

    /// <summary>The one word of the segmentation that spells <paramref name="text"/> exactly, if there is one.</summary>
    private static Word? WordSpelling(string text, SegmentedText? words) =>
        WordSpelling(text, words, words?.Text.IndexOf(text, StringComparison.Ordinal) ?? -1);

    /// <summary>The word of the segmentation at <paramref name="start"/> that spells <paramref name="text"/> exactly.</summary>
    private static Word? WordSpelling(string text, SegmentedText? words, int start)
    {
        if (words is null || start < 0 || start + text.Length > words.Text.Length || !words.IsBoundary(start))
        {
            return null;
        }

        var word = words.WordAt(start);
        return word.Length == text.Length && words.TextOf(word) == text ? word : null;
    }
}
