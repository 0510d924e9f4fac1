using Microsoft.Extensions.Options;

namespace Car.Assistant.Policy.Safety;

/// <summary>
/// Settings may tighten the safety envelope, never loosen it: a threshold past its <see cref="SafetyLimits"/> value
/// fails at start (from appsettings, the environment or <c>--set</c> alike) with the key, the value and the limit.
/// </summary>
public sealed class PolicyOptionsValidator : IValidateOptions<PolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, PolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        AtMost(failures, nameof(PolicyOptions.HighSpeedKmh), options.HighSpeedKmh, SafetyLimits.HighSpeedKmh, "km/h");
        AtMost(failures, nameof(PolicyOptions.MaxOpeningAtHighSpeed), options.MaxOpeningAtHighSpeed, SafetyLimits.MaxOpeningAtHighSpeed, "%");
        AtMost(failures, nameof(PolicyOptions.FreshAirSpeedKmh), options.FreshAirSpeedKmh, SafetyLimits.FreshAirSpeedKmh, "km/h");
        AtMost(failures, nameof(PolicyOptions.RainThreshold), options.RainThreshold, SafetyLimits.RainThreshold, "%");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AtMost(List<string> failures, string key, double value, double limit, string unit)
    {
        if (value > limit)
        {
            failures.Add(
                $"{PolicyOptions.SectionName}:{key}={value} would loosen a safety limit; it can only be tightened (at most {limit} {unit}).");
        }
    }
}
