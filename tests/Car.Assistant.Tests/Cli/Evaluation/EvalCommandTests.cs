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
    public async Task Eval_Dialogue_TheAnswerToTheCarsQuestionAndABareCancelCountAsWhatTheyComplete()
    {
        // Session 7: the car asks whom to call and the name alone is the answer. Session 8: 取消 right after the route
        // started ends it. Session 10 starts afresh: the name there answers no question of session 9's.
        var file = Path.Combine(Path.GetTempPath(), $"car-eval-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, string.Join('\n',
            "7\t我要打电话\tphone_call.make_a_phone_call\t我要打电话",
            "7\t林小禾\tphone_call.make_a_phone_call\t<contact_name>林小禾</contact_name>",
            string.Empty,
            "8\t导航去东湖公园\tnavigation.navigation\t导航去<destination>东湖公园</destination>",
            "8\t取消\tnavigation.cancel_navigation\t取消",
            string.Empty,
            "9\t我要打电话\tphone_call.make_a_phone_call\t我要打电话",
            string.Empty,
            "10\t林小禾\tOTHERS\t林小禾",
            string.Empty));
        try
        {
            var (parsedExit, parsedOutput, _) = await CarProcess.RunAsync([], "eval", "nlpcc", file, "--json");
            var (dialogueExit, dialogueOutput, _) = await CarProcess.RunAsync([], "eval", "nlpcc", file, "--json", "--dialogue");

            using var parsed = JsonDocument.Parse(parsedOutput.Trim());
            using var dialogue = JsonDocument.Parse(dialogueOutput.Trim());
            Assert.Equal((0, 0), (parsedExit, dialogueExit));
            Assert.Equal(2, parsed.RootElement.GetProperty("overall").GetProperty("exact").GetInt32());
            Assert.Equal("rules, in dialogue", dialogue.RootElement.GetProperty("engine").GetString());
            Assert.Equal(4, dialogue.RootElement.GetProperty("overall").GetProperty("exact").GetInt32());
            Assert.Equal(0, dialogue.RootElement.GetProperty("overall").GetProperty("wrong").GetInt32());
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
