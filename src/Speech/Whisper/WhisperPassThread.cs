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
    private readonly Channel<Action> _passes = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });

    public WhisperPassThread(string name)
    {
        var thread = new Thread(Serve) { IsBackground = true, Name = name };
        thread.Start();
    }

    /// <summary>Runs <paramref name="pass"/> on the pass thread once the passes before it are done.</summary>
    /// <exception cref="ObjectDisposedException">The model was disposed.</exception>
    public Task<T> RunAsync<T>(Func<T> pass, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Run()
        {
            if (cancellationToken.IsCancellationRequested)
            {
                done.TrySetCanceled(cancellationToken);
                return;
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

        return done.Task;
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
