using System.ComponentModel.DataAnnotations;

namespace Car.Assistant.Policy;

/// <summary>How long the assistant waits for the car to reach the targets it sent. Section <c>Actions</c>.</summary>
public sealed class ActionExecutorOptions
{
    public const string SectionName = "Actions";

    /// <summary>Past this, an action is reported unconfirmed (a window still moving, a bus that did not answer).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ConfirmationTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Longest a single bus call (read, actuate) may take before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan BusCallTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
