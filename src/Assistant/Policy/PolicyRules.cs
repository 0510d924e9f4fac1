namespace Car.Assistant.Policy;

/// <summary>The policy's rules, one per domain: the one list that DI, the tests and the benchmarks share.</summary>
public static class PolicyRules
{
    public static IReadOnlyList<IIntentRule> CreateDefault() =>
    [
        new OpeningRules(), new ClimateRules(), new SeatRules(), new CabinRules(),
        new MediaRules(), new TravelRules(), new StatusRules(), new NeedRules(),
    ];
}
