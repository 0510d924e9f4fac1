using System.Globalization;

namespace Car.Testing;

/// <summary>How many of this process's threads run at a nice value, read from /proc as <c>top</c> would show it.</summary>
public static class ThreadsAtNice
{
    public static int Count(int nice) => Ids(nice).Count;

    /// <summary>The ids of the threads that run at <paramref name="nice"/>.</summary>
    public static IReadOnlyCollection<string> Ids(int nice) => Directory.EnumerateDirectories("/proc/self/task").Where(task =>
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
    }).Select(Path.GetFileName).ToHashSet()!;

    /// <summary>
    /// The count once it holds still (two reads 50 ms apart agree, within two seconds): a thread that has just ended,
    /// such as the short-lived thread that checks whether a nice value is allowed or a pass's OpenMP worker, may linger
    /// in /proc a moment.
    /// </summary>
    public static async Task<int> SteadyCountAsync(int nice)
    {
        var count = Count(nice);
        for (var wait = 0; wait < 40; wait++)
        {
            await Task.Delay(50);
            var again = Count(nice);
            if (again == count)
            {
                return count;
            }

            count = again;
        }

        return count;
    }
}
