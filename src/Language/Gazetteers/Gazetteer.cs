using System.Globalization;
using Car.Language.Model;
using Car.Language.Segmentation;

namespace Car.Language.Gazetteers;

/// <summary>
/// The names the car knows: the owner's contacts, the media library (artists, titles, albums) and saved or recent
/// places. A name found in an utterance is a slot value taken whole (打电话给小王: 小 is not "smaller") and makes the
/// request surer. Files are UTF-8 text, one <c>kind&lt;TAB&gt;name</c> a line (kinds: contact, artist, title, album,
/// place), <c>#</c> starts a comment; the phone or the cloud can later supply the same lines.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>Names shorter than this are not taken from text: a one-character "name" is a word, not a name.</summary>
    public const int ShortestName = 2;

    /// <summary>A file longer than this is refused rather than read into the head unit's memory.</summary>
    public const long LargestFileBytes = 32L * 1024 * 1024;

    private readonly PhraseTrie<List<GazetteerKind>> _names = new();
    private readonly Dictionary<GazetteerKind, HashSet<string>> _byKind = [];

    public static Gazetteer Empty { get; } = new();

    public int Count { get; private set; }

    public bool IsEmpty => Count == 0;

    /// <summary>Reads gazetteer files; a missing file, a file too large or a malformed line is a <see cref="GazetteerException"/>.</summary>
    public static async Task<Gazetteer> LoadAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var gazetteer = new Gazetteer();
        foreach (var path in paths)
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                throw new GazetteerException(path, 0, "the file does not exist");
            }

            if (file.Length > LargestFileBytes)
            {
                throw new GazetteerException(path, 0, $"the file has {file.Length} bytes, more than {LargestFileBytes}");
            }

            var number = 0;
            await foreach (var line in File.ReadLinesAsync(path, cancellationToken).ConfigureAwait(false))
            {
                number++;
                gazetteer.AddLine(line, path, number);
            }
        }

        return gazetteer;
    }

    public void Add(GazetteerKind kind, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        name = name.Trim();
        if (!_byKind.TryGetValue(kind, out var names))
        {
            _byKind[kind] = names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        }

        if (!names.Add(name))
        {
            return;
        }

        Count++;
        if (name.Length < ShortestName)
        {
            return;
        }

        var kinds = new List<GazetteerKind> { kind };
        if (!_names.TryAdd(name.ToLowerInvariant(), kinds))
        {
            _names.Match(name.ToLowerInvariant(), 0, out var existing);
            existing.Add(kind);
        }
    }

    /// <summary>
    /// Every name of <see cref="ShortestName"/> characters or more with jieba's part of speech for its kind (nr person,
    /// ns place, nz other), for the segmenter. A name of one character (a song called 走) is a word already, and its
    /// own part of speech is what tells talk (走|某某大道) from a name.
    /// </summary>
    public IEnumerable<(string Name, string Tag)> Names() =>
        _byKind.SelectMany(pair => pair.Value.Where(name => name.Length >= ShortestName).Select(name => (name, pair.Key switch
        {
            GazetteerKind.Contact or GazetteerKind.Artist => WordDictionary.PersonTag,
            GazetteerKind.Place => WordDictionary.PlaceTag,
            _ => "nz",
        })));

    /// <summary>The names of <paramref name="kind"/>, as the files spell them.</summary>
    public IEnumerable<string> NamesOf(GazetteerKind kind) => _byKind.TryGetValue(kind, out var names) ? names : [];

    /// <summary>How many names of <paramref name="kind"/> the files gave.</summary>
    public int CountOf(GazetteerKind kind) => _byKind.TryGetValue(kind, out var names) ? names.Count : 0;

    /// <summary>Whether <paramref name="name"/> is a title, artist or album of the media library.</summary>
    public bool IsInLibrary(string? name) =>
        Contains(GazetteerKind.Title, name) || Contains(GazetteerKind.Artist, name) || Contains(GazetteerKind.Album, name);

    public bool Contains(GazetteerKind kind, string? name) =>
        name is not null && _byKind.TryGetValue(kind, out var names) && names.Contains(name.Trim());

    /// <summary>The names in <paramref name="text"/> (normalised, lower case), longest first, not overlapping.</summary>
    public IReadOnlyList<GazetteerEntry> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsEmpty)
        {
            return [];
        }

        var found = new List<GazetteerEntry>();
        for (var i = 0; i < text.Length;)
        {
            var length = _names.Match(text, i, out var kinds);
            if (length == 0)
            {
                i++;
                continue;
            }

            foreach (var kind in kinds)
            {
                found.Add(new GazetteerEntry(i, length, kind, text.Substring(i, length)));
            }

            i += length;
        }

        return found;
    }

    private void AddLine(string line, string path, int number)
    {
        var content = line.Trim();
        if (content.Length == 0 || content[0] == '#')
        {
            return;
        }

        var tab = content.IndexOf('\t', StringComparison.Ordinal);
        if (tab <= 0 || tab == content.Length - 1)
        {
            throw new GazetteerException(path, number, "expected 'kind<TAB>name' (kinds: contact, artist, title, album, place)");
        }

        var kindText = content[..tab].Trim();
        if (!Enum.TryParse<GazetteerKind>(kindText, ignoreCase: true, out var kind) || int.TryParse(kindText, CultureInfo.InvariantCulture, out _))
        {
            throw new GazetteerException(path, number, $"unknown kind '{kindText}' (kinds: contact, artist, title, album, place)");
        }

        Add(kind, content[(tab + 1)..]);
    }
}
