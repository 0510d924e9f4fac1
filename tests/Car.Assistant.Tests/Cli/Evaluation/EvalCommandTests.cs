using System.Text.Json;

namespace Car.Assistant.Tests.Cli.Evaluation;

public class EvalCommandTests
{
    [Fact]
    public async Task Eval_NlpccFixture_PrintsTableWithOverall()
    {
        var file = Path.Combine(Path.GetTempPath(), $"car-eval-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "1\t暂停\tmusic.pause\t暂停\n1\t天气怎么样\tOTHERS\t天气怎么样\n\n2\t取消导航\tnavigation.cancel_navigation\t取消导航\n");
        try
        {
            var (exitCode, output, _) = await CarProcess.RunAsync([], "eval", "nlpcc", file, "--json");

            using var report = JsonDocument.Parse(output.Trim());
            Assert.Equal(0, exitCode);
            Assert.Equal(3, report.RootElement.GetProperty("overall").GetProperty("utterances").GetInt32());
            Assert.Equal("rules", report.RootElement.GetProperty("engine").GetString());
            Assert.Equal(0, report.RootElement.GetProperty("overall").GetProperty("wrongIntent").GetInt32());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Eval_MissingFile_OneLineExit2()
    {
        var (exitCode, _, errors) = await CarProcess.RunAsync([], "eval", "nlpcc", "/nonexistent/corpus.txt");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("car: cannot read /nonexistent/corpus.txt", errors.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_UnknownCorpus_UsageErrorExit1()
    {
        var (exitCode, _, errors) = await CarProcess.RunAsync([], "eval", "atis", "/tmp/x");

        Assert.Equal(1, exitCode);
        Assert.Contains("nlpcc", errors, StringComparison.Ordinal);
    }
}
