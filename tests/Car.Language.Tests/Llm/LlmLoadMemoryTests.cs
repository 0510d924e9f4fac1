using System.Diagnostics;
using Car.Testing;

namespace Car.Language.Tests.Llm;

/// <summary>Loading and closing the language model again and again (an OTA bundle swap, a restart of the parser) leaks nothing.</summary>
[Collection(ProcessMemoryTests.Name)]
public sealed class LlmLoadMemoryTests
{
    [Fact]
    public void LoadAndDispose_ManyTimes_MemoryDoesNotGrow()
    {
        for (var i = 0; i < 5; i++)
        {
            using var warm = TinyModel.CreateParser();
        }

        var before = CurrentRss();
        for (var i = 0; i < 40; i++)
        {
            using var parser = TinyModel.CreateParser();
        }

        var growth = CurrentRss() - before;
        Assert.True(growth < 40_000_000, $"resident memory grew {growth / 1_000_000} MB over 40 load/unload cycles");
    }

    private static long CurrentRss()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}
