using System.Globalization;

namespace Car.Testing;

/// <summary>How many of this process's threads run at a nice value, read from /proc as <c>top</c> would show it.</summary>
public static class ThreadsAtNice
{
    public static int Count(int nice) => Directory.EnumerateDirectories("/proc/self/task").Count(task =>
    {
        try
        {
            // Field 19 of a task's stat; the name (field 2) may hold spaces, so fields are counted after its ')'.
            var stat = File.ReadAllText(Path.Combine(task, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[16] == nice.ToString(CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return false; // the thread ended while it was read
        }
    });

    /// <summary>Waits up to two seconds for threads that are ending to be gone; the count left.</summary>
    public static async Task<int> SettledCountAsync(int nice)
    {
        var left = Count(nice);
        for (var wait = 0; left > 0 && wait < 200; wait++)
        {
            await Task.Delay(10);
            left = Count(nice);
        }

        return left;
    }
}
