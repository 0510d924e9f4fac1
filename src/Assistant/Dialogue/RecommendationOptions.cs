using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace Car.Assistant.Dialogue;

/// <summary>How the assistant asks the recommender. Section <c>Recommendations</c>.</summary>
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification =
    "[Range(typeof(TimeSpan), …)] is never constructed: RecommendationOptionsAnnotationsValidator (source-generated) checks the range with a typed copy of its own, and SettingsCheck reads the bounds as attribute data.")]
public sealed class RecommendationOptions
{
    public const string SectionName = "Recommendations";

    /// <summary>Past this the driver hears that the service did not answer, instead of waiting.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>How many suggestions are read out and can be picked (第二个).</summary>
    [Range(1, 9)]
    public int MaxSuggestions { get; set; } = 3;
}
