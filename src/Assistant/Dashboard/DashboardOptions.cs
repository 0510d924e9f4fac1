namespace Car.Assistant.Dashboard;

/// <summary>Where <c>car serve</c> serves the developer dashboard. Bound from the <c>Dashboard</c> configuration section.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// The address to listen on, <c>http://127.0.0.1:8080</c> by default; port 0 takes a free port; empty turns the
    /// dashboard off.
    /// </summary>
    public string? Url { get; set; } = "http://127.0.0.1:8080";

    /// <summary>
    /// Lets the dashboard listen beyond loopback. It has no sign-in and moves the (simulated) car, so it is off by default.
    /// </summary>
    public bool AllowRemote { get; set; }
}
