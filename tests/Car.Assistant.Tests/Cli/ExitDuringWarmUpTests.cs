using Car.Testing;

namespace Car.Assistant.Tests.Cli;

/// <summary>
/// <c>car say</c> with a language model answers from the rules at once and exits while the LLM warm-up may still be
/// decoding the system prompt: the exit must wait for (and abort) that decode, never crash in native code.
/// </summary>
public class ExitDuringWarmUpTests
{
    [Fact]
    public async Task Say_WithModelExitingDuringWarmUp_ExitsCleanlyEveryTime()
    {
        for (var run = 0; run < 10; run++)
        {
            var (exitCode, output, errors) = await CarProcess.RunAsync([], "say", "--model", TinyModel.Path, "关窗");

            Assert.True(exitCode == 0, $"run {run}: exit {exitCode} (134 = abort, 139 = SIGSEGV)\n{output}\n{errors}");
        }
    }
}
