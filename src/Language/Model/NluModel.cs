using System.Text.Json;

namespace Car.Language.Model;

/// <summary>
/// The language data the rule parser runs on: schema, lexicon and rules from one directory (models/nlu, or the
/// active OTA bundle's). Loading validates everything and fails with the file and the problem.
/// </summary>
public sealed class NluModel
{
    public const string SchemaFile = "schema.json";
    public const string LexiconFile = "lexicon.json";
    public const string RulesFile = "rules.json";

    /// <summary>
    /// Slot extractors a rule may name, besides <c>concept:GROUP</c> and <c>template:NAME</c>: those named after the
    /// slot they fill, and <c>poiQuery</c> (the speaker's words of a place search).
    /// </summary>
    public static readonly IReadOnlySet<string> Extractors = new HashSet<string>(StringComparer.Ordinal)
    {
        SlotNames.Position, SlotNames.Zone, SlotNames.Percent, SlotNames.Level, SlotNames.Value, SlotNames.Delta,
        SlotNames.Color, "poiQuery", "namedPlace", "phoneNumber",
    };

    public NluModel(IntentSchema schema, Lexicon lexicon, IReadOnlyList<FrameRule> rules)
    {
        Schema = schema;
        Lexicon = lexicon;
        Rules = rules;
    }

    public IntentSchema Schema { get; }

    public Lexicon Lexicon { get; }

    public IReadOnlyList<FrameRule> Rules { get; }

    public static async Task<NluModel> LoadAsync(string directory, CancellationToken cancellationToken = default)
    {
        var schema = IntentSchema.Parse(await ReadAsync(directory, SchemaFile, cancellationToken).ConfigureAwait(false), SchemaFile);
        var lexicon = await ParseAsync(directory, LexiconFile, root => Lexicon.Parse(root, LexiconFile), cancellationToken)
            .ConfigureAwait(false);
        var rules = await ParseAsync(directory, RulesFile, root => ParseRules(root, schema), cancellationToken)
            .ConfigureAwait(false);
        return new NluModel(schema, lexicon, rules);
    }

    /// <summary>The same as <see cref="LoadAsync"/> for callers that have no async context (benchmarks).</summary>
    public static NluModel Load(string directory) => LoadAsync(directory).GetAwaiter().GetResult();

    private static async Task<T> ParseAsync<T>(
        string directory, string file, Func<JsonElement, T> parse, CancellationToken cancellationToken)
    {
        var root = await ReadAsync(directory, file, cancellationToken).ConfigureAwait(false);
        try
        {
            return parse(root);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new NluModelException(file, e.Message, e);
        }
    }

    private static async Task<JsonElement> ReadAsync(string directory, string file, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            throw new NluModelException(path, "the file does not exist");
        }

        try
        {
            await using var stream = File.OpenRead(path);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new NluModelException(path, $"it is not valid JSON ({e.Message})", e);
        }
    }

    private static List<FrameRule> ParseRules(JsonElement root, IntentSchema schema)
    {
        var rules = new List<FrameRule>();
        foreach (var item in root.GetProperty("rules").EnumerateArray())
        {
            var name = item.GetProperty("intent").GetString() ?? string.Empty;
            if (!schema.TryGet(name, out var intent))
            {
                throw new NluModelException(RulesFile, $"a rule names the intent '{name}' that the schema lacks");
            }

            var all = item.GetProperty("all").EnumerateArray()
                .Select(g => (IReadOnlyList<ConceptPattern>)[.. (g.GetString() ?? string.Empty).Split('|').Select(p => new ConceptPattern(p))])
                .ToList();
            var none = item.TryGetProperty("none", out var n)
                ? n.EnumerateArray().Select(p => new ConceptPattern(p.GetString() ?? string.Empty)).ToList()
                : [];
            var question = item.TryGetProperty("question", out var q) && q.GetBoolean();
            var extractors = new List<KeyValuePair<string, string>>();
            if (item.TryGetProperty("slots", out var slots))
            {
                foreach (var slot in slots.EnumerateObject())
                {
                    var extractor = slot.Value.GetString() ?? string.Empty;
                    RequireSlot(intent, slot.Name);
                    if (!Extractors.Contains(extractor)
                        && !extractor.StartsWith("concept:", StringComparison.Ordinal)
                        && !extractor.StartsWith("template:", StringComparison.Ordinal))
                    {
                        throw new NluModelException(RulesFile, $"the rule for '{name}' names an unknown extractor '{extractor}'");
                    }

                    extractors.Add(new(slot.Name, extractor));
                }
            }

            var fixedSlots = new List<KeyValuePair<string, SlotValue>>();
            if (item.TryGetProperty("fixed", out var fixedElement))
            {
                foreach (var slot in fixedElement.EnumerateObject())
                {
                    RequireSlot(intent, slot.Name);
                    fixedSlots.Add(new(slot.Name, slot.Value.ValueKind switch
                    {
                        JsonValueKind.Number => SlotValue.Of(slot.Value.GetDouble()),
                        JsonValueKind.True => SlotValue.Of(true),
                        JsonValueKind.False => SlotValue.Of(false),
                        _ => SlotValue.Of(slot.Value.GetString() ?? string.Empty),
                    }));
                }
            }

            var required = item.TryGetProperty("require", out var r)
                ? r.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList()
                : [];
            foreach (var slot in required)
            {
                RequireSlot(intent, slot);
            }

            var confidence = item.TryGetProperty("confidence", out var c) ? c.GetDouble() : 1.0;
            if (confidence is <= 0 or > 1)
            {
                throw new NluModelException(RulesFile, $"the rule for '{name}' has a confidence {confidence} outside (0, 1]");
            }

            var alone = item.TryGetProperty("alone", out var a) && a.GetBoolean();
            rules.Add(new FrameRule(intent, all, none, question, extractors, fixedSlots, required, confidence, alone));
        }

        return rules;

        static void RequireSlot(IntentDefinition intent, string slot)
        {
            if (intent.Slot(slot) is null)
            {
                throw new NluModelException(RulesFile, $"the rule for '{intent.Name}' fills the slot '{slot}' that the schema lacks");
            }
        }
    }
}
