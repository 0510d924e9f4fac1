using System.Text.Json;

namespace Car.Assistant.Tests.Cli.Models;

/// <summary>
/// <c>car models status|check|verify|rollback</c> as an operator runs them: real processes on a real store, bundles
/// packed by <c>car models pack</c> and served by the reference cloud server.
/// </summary>
[Collection(SharedBundleWorkshop.Name)]
public sealed class BundleCommandTests(BundleWorkshop workshop)
{
    [Fact]
    public async Task Check_NewerBundleOnTheServer_SaysItIsInstallableAndInstallsNothing()
    {
        var store = workshop.FreshStore("check-store");

        var (code, output, errors) = await RunAsync("check", "--from", workshop.BundleUrl("v2").ToString(), "--store", store);

        Assert.True(code == 0, errors);
        Assert.Contains("version 2 is available", output, StringComparison.Ordinal);
        Assert.Contains("active: version 1", output, StringComparison.Ordinal);
        Assert.Contains("signatures valid, installable", output, StringComparison.Ordinal);
        Assert.Equal(1, (await workshop.ComeUpAsync(store)).Active.Version);
    }

    [Fact]
    public async Task Check_TheVersionAlreadyActive_RefusedAsNotNewer()
    {
        var store = workshop.FreshStore("check-same-store");

        var (code, output, errors) = await RunAsync("check", "--from", workshop.BundleUrl("v1").ToString(), "--store", store);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.StartsWith("car: ", errors, StringComparison.Ordinal);
        Assert.Contains("version 1", errors, StringComparison.Ordinal);
        Assert.Single(errors.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Check_UnreachableServer_OneLineAndExit1()
    {
        var store = workshop.FreshStore("check-down-store");

        var (code, _, errors) = await RunAsync("check", "--from", "http://127.0.0.1:9/bundles/v2/", "--store", store);

        Assert.Equal(1, code);
        Assert.StartsWith("car: ", errors, StringComparison.Ordinal);
        Assert.Single(errors.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Verify_FileChangedInTheActiveSlot_NamesTheFileAndExits1()
    {
        var store = workshop.FreshStore("verify-store");
        Assert.Equal(0, (await RunAsync("verify", "--store", store)).ExitCode);
        var lexicon = Directory.EnumerateFiles(store, "lexicon.json", SearchOption.AllDirectories).Single();
        await File.AppendAllTextAsync(lexicon, " ");

        var (code, output, errors) = await RunAsync("verify", "--store", store);

        Assert.Equal(1, code);
        Assert.Contains("version 1", output, StringComparison.Ordinal);
        Assert.Contains("NOT verified", output, StringComparison.Ordinal);
        Assert.Contains("lexicon.json", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_AfterAnInstall_GoesBackOneStepThenToTheFactoryThenRefuses()
    {
        var store = workshop.FreshStore("rollback-store");
        Assert.Equal(0, (await RunAsync("install", "--from", workshop.BundleUrl("v2").ToString(), "--store", store)).ExitCode);
        Assert.Equal(2, (await StatusAsync(store)).GetProperty("version").GetInt32());

        var (code, output, errors) = await RunAsync("rollback", "--store", store);
        Assert.True(code == 0, errors);
        Assert.Contains("Rolled back to", output, StringComparison.Ordinal);
        Assert.Contains("version 1", output, StringComparison.Ordinal);
        var status = await StatusAsync(store);
        Assert.Equal(1, status.GetProperty("version").GetInt32());
        Assert.True(status.GetProperty("verified").GetBoolean());
        Assert.Contains(status.GetProperty("lastRecords").EnumerateArray(), r => r.GetProperty("action").GetString() == "rollback");

        (code, output, _) = await RunAsync("rollback", "--store", store);
        Assert.Equal(0, code);
        Assert.Equal("Rolled back to the factory bundle.", output.Trim());
        Assert.Equal("factory", (await StatusAsync(store)).GetProperty("slot").GetString());

        (code, output, errors) = await RunAsync("rollback", "--store", store);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal("car: The factory bundle is active: there is nothing to roll back to.", errors.Trim());
    }

    [Fact]
    public async Task Store_GivenBothAsOptionAndSetting_TheOptionWins()
    {
        var store = workshop.FreshStore("option-store");
        var elsewhere = workshop.FreshStore("setting-store");
        Assert.Equal(0, (await RunAsync("install", "--from", workshop.BundleUrl("v2").ToString(), "--store", elsewhere)).ExitCode);

        var (code, output, errors) = await CarProcess.RunAsync([], workshop.Environment,
            [.. workshop.Car("status", "--json", "--store", store), "--set", $"Ota:StoreDirectory={elsewhere}"]);

        Assert.True(code == 0, errors);
        using var report = JsonDocument.Parse(output);
        Assert.Equal(Path.GetFullPath(store), report.RootElement.GetProperty("store").GetString());
        Assert.Equal(1, report.RootElement.GetProperty("version").GetInt32());
    }

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments) =>
        CarProcess.RunAsync([], workshop.Environment, workshop.Car(arguments));

    private async Task<JsonElement> StatusAsync(string store)
    {
        var (code, output, errors) = await RunAsync("status", "--json", "--store", store);
        Assert.True(code == 0, errors);
        using var report = JsonDocument.Parse(output);
        return report.RootElement.Clone();
    }
}
