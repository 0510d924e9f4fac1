using System.Diagnostics;
using System.Text;
using Car.Assistant.Tests.Cli;
using Car.Testing;
using Microsoft.Playwright;

namespace Car.Assistant.Tests.Dashboard;

/// <summary>
/// One real <c>car serve</c> (broker and dashboard on free loopback ports, windows that travel in half a second) and
/// one headless Chromium for all the dashboard's tests. Debian's <c>chromium</c> is driven through its executable
/// path (<c>CAR_CHROMIUM</c> names another); without it <see cref="Browser"/> is null and <see cref="Unavailable"/>
/// says so in one line.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private Process? _serve;
    private IPlaywright? _playwright;
    private readonly StringBuilder _errors = new();

    /// <summary>The dashboard's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Url { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public IBrowser? Browser { get; private set; }

    /// <summary>Why there is no browser, in one line; null when there is one.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>Where screenshots go (beside the tests).</summary>
    public string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public static string Chromium =>
        Environment.GetEnvironmentVariable("CAR_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        var dashboard = $"http://127.0.0.1:{LoopbackPort.Free()}";
        _serve = await CarServeProcess.StartAsync(
            [
                "serve",
                "--set", $"Broker:Url=http://127.0.0.1:{LoopbackPort.Free()}",
                "--set", $"Dashboard:Url={dashboard}",
                "--set", "Simulator:WindowTravelTime=00:00:00.500",
                "--set", "Simulator:SunroofTravelTime=00:00:00.500",
                "--set", "Actions:ConfirmationTimeout=00:00:02",
            ],
            _errors);

        Url = new Uri(dashboard + "/");
        Http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(60) };

        if (!File.Exists(Chromium))
        {
            Unavailable = $"chromium is not installed at {Chromium} (apt-get install chromium; .ci/run installs it, CAR_CHROMIUM names another): the dashboard's browser tests need it";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
    }

    /// <summary>What car serve wrote on stderr so far.</summary>
    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>A fresh page on the dashboard, its live feed connected.</summary>
    public async Task<IPage> OpenAsync()
    {
        Assert.True(Browser is not null, Unavailable);
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(Url.ToString());
        await Assertions.Expect(page.Locator("#live")).ToHaveTextAsync("live", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        return page;
    }

    /// <summary>Puts the simulated car into a named scenario through the API.</summary>
    public async Task ScenarioAsync(string scenario)
    {
        using var response = await Http.PutAsync("api/scenario", new StringContent($"{{\"scenario\":\"{scenario}\"}}", Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Http?.Dispose();
        if (_serve is not null)
        {
            _serve.Kill(entireProcessTree: true);
            await _serve.WaitForExitAsync();
            _serve.Dispose();
        }
    }

}

[CollectionDefinition(Name)]
public sealed class DashboardTests : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard";
}
