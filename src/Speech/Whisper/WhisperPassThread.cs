using System.Threading.Channels;

namespace Car.Speech.Whisper;

/// <summary>
/// The one thread a loaded model's recognition passes run on, one after another. A thread per pass would start a new
/// OpenMP pool each time (libgomp keeps one per starting thread) and leave an exited thread behind per command,
/// whose memory the runtime frees only at a later full collection: always listening, the process grew by about 2 MB
/// a command for its first quarter of an hour. The pass thread lives as long as the model; its OpenMP workers start
/// with the first pass, take that pass's priority, and sleep between passes.
/// </summary>
internal sealed class WhisperPassThread
{
    private const int Waiting = 0;
    private const int Started = 1;
    private const int Cancelled = 2;

    private readonly Channel<Action> _passes = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });

    public WhisperPassThread(string name)
    {
        var thread = new Thread(Serve) { IsBackground = true, Name = name };
        thread.Start();
    }

    /// <summary>
    /// Runs <paramref name="pass"/> on the pass thread once the passes before it are done: one pass at a time. Cancelled
    /// while it waits, the caller is answered at once and the pass never starts.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The model was disposed.</exception>
    public async Task<T> RunAsync<T>(Func<T> pass, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var state = Waiting;
        void Run()
        {
            if (Interlocked.CompareExchange(ref state, Started, Waiting) != Waiting)
            {
                return; // cancelled while it waited
            }

            try
            {
                done.TrySetResult(pass());
            }
            catch (OperationCanceledException e)
            {
                done.TrySetCanceled(e.CancellationToken);
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        }

        if (!_passes.Writer.TryWrite(Run))
        {
            throw new ObjectDisposedException(nameof(WhisperFactory), "The Whisper model has been disposed.");
        }

        // Once the pass has started, cancelling aborts whisper.cpp instead (the pass's own registration), and the caller
        // is answered when the pass has ended, as before the queue existed.
        using var waiting = cancellationToken.Register(() =>
        {
            if (Interlocked.CompareExchange(ref state, Cancelled, Waiting) == Waiting)
            {
                done.TrySetCanceled(cancellationToken);
            }
        });
        return await done.Task.ConfigureAwait(false);
    }

    /// <summary>Takes no more passes; the thread ends after those already queued (which find the model closed).</summary>
    public void Complete() => _passes.Writer.TryComplete();

    private void Serve()
    {
        var reader = _passes.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var pass))
            {
                pass();
            }
        }
    }
}
