using Car.Language.Model;
using Car.Language;

namespace Car.Testing;

/// <summary>The bundled language data (models/nlu, copied beside the tests), loaded once for the whole assembly.</summary>
public static class TestModel
{
    private static readonly Lazy<NluModel> Loaded = new(() => NluModel.Load(Directory));

    private static readonly Lazy<RuleParserResources> LoadedResources = new(() => LoadResources(names: null));

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "models", "nlu");

    public static NluModel Model => Loaded.Value;

    /// <summary>jieba's words, the pinyin table and no gazetteer: what the product loads by default.</summary>
    public static RuleParserResources Resources => LoadedResources.Value;

    public static RuleParser Parser => LoadedParser.Value;

    private static readonly Lazy<RuleParser> LoadedParser = new(() => new RuleParser(Model, resources: Resources));


    /// <summary>Intents as "name(slot=value,…)" joined by "; ", or "-" for none: the corpus files' notation.</summary>
    public static string Compact(IReadOnlyList<Intent> intents) =>
        intents.Count == 0 ? "-" : string.Join("; ", intents.Select(i => i.Slots.Count == 0
            ? i.Name
            : $"{i.Name}({string.Join(",", i.Slots.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"))})"));

    /// <summary>The corpus notation with slots sorted, so that the order slots are written in does not matter.</summary>
    public static string Canonical(string expected) =>
        expected == "-" ? "-" : string.Join("; ", expected.Split("; ").Select(part =>
        {
            var open = part.IndexOf('(', StringComparison.Ordinal);
            if (open < 0)
            {
                return part;
            }

            var slots = part[(open + 1)..^1].Split(',').Order(StringComparer.Ordinal);
            return $"{part[..open]}({string.Join(",", slots)})";
        }));

    public static string Parse(string text) => Compact(Parser.Parse(text).Intents);

    /// <summary>
    /// A rule parser over the owner's <paramref name="names"/> loaded as the product loads a gazetteer: the segmenter
    /// learns them and the sound-alike matchers are built over them.
    /// </summary>
    public static RuleParser ParserWith(Car.Language.Gazetteers.Gazetteer names) => new(Model, resources: LoadResources(names));

    private static RuleParserResources LoadResources(Car.Language.Gazetteers.Gazetteer? names) => new RuleParserResourcesLoader(
        Microsoft.Extensions.Options.Options.Create(new LanguageOptions()),
        Model,
        Microsoft.Extensions.Logging.Abstractions.NullLogger<RuleParserResourcesLoader>.Instance,
        names).Load();
}
