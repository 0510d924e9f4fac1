using System.Globalization;
using System.Xml.Linq;

namespace Car.Assistant.Scenarios;

/// <summary>Scenario results as the JUnit XML that CI systems read: one test case per scenario, its failed steps as the failure.</summary>
public static class JUnitReport
{
    public static XDocument Create(IReadOnlyList<ScenarioResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var suite = new XElement(
            "testsuite",
            new XAttribute("name", "car scenarios"),
            new XAttribute("tests", results.Count),
            new XAttribute("failures", results.Count(r => !r.Passed)),
            new XAttribute("time", Seconds(results.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration))),
            results.Select(r => new XElement(
                "testcase",
                new XAttribute("classname", Path.GetFileName(r.Script.File)),
                new XAttribute("name", r.Script.Name),
                new XAttribute("time", Seconds(r.Duration)),
                r.Passed ? null : new XElement("failure", new XAttribute("message", r.Failures[0]), string.Join('\n', r.Failures)))));
        return new XDocument(new XElement("testsuites", suite));
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
