using Car.Speech.Capture;

namespace Car.Assistant.Cli;

/// <summary>
/// The console's talk key for push-to-talk: Space or Enter presses the button, the next one releases it (a terminal
/// reports no key-up). From a terminal keys are read raw; from redirected input, characters.
/// </summary>
public static class TalkKeys
{
    /// <summary>Whether this key works the talk button.</summary>
    public static bool IsTalkKey(char key) => key is ' ' or '\n' or '\r';

    /// <summary>Toggles <paramref name="button"/> for each talk key read from <paramref name="input"/> until it ends.</summary>
    public static async Task ReadAsync(TextReader input, PushToTalk button, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(button);
        var buffer = new char[1];
        while (!cancellationToken.IsCancellationRequested
            && await input.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false) > 0)
        {
            // \r\n is one Enter.
            if (IsTalkKey(buffer[0]) && buffer[0] != '\r')
            {
                button.Toggle();
            }
        }
    }

    /// <summary>Toggles <paramref name="button"/> for each talk key pressed at the terminal, on a thread of its own.</summary>
    public static Task ReadConsoleAsync(PushToTalk button, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(button);
        if (Console.IsInputRedirected)
        {
            return ReadAsync(Console.In, button, cancellationToken);
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            // Console.ReadKey cannot be cancelled: the thread is a background one and ends with the process.
            while (!cancellationToken.IsCancellationRequested)
            {
                var key = Console.ReadKey(intercept: true);
                if (key.Key is ConsoleKey.Spacebar or ConsoleKey.Enter)
                {
                    button.Toggle();
                }
            }

            done.TrySetResult();
        })
        { IsBackground = true, Name = "talk key" };
        thread.Start();
        return done.Task;
    }
}
