using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Car.Ota.Tests.Download;

/// <summary>
/// A real Kestrel server on 127.0.0.1:0 (HTTP/1.1) serving one bundle folder under several behaviours:
/// <c>/good/</c> honestly (with ranges), <c>/endless/</c> files that never end, <c>/overdeclared/</c> a
/// Content-Length larger than the file, <c>/trickle/</c> a byte every 50 ms, <c>/cut/</c> half of each file, then a
/// dropped connection, <c>/endless-manifest/</c> a manifest that never ends.
/// </summary>
internal sealed class MisbehavingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _bytesServed;

    private MisbehavingServer(WebApplication app)
    {
        _app = app;
    }

    public Uri Address { get; private set; } = null!;

    /// <summary>File bytes written to responses so far.</summary>
    public long BytesServed => Interlocked.Read(ref _bytesServed);

    /// <summary>The Range headers the car sent for files.</summary>
    public List<string> Ranges { get; } = [];

    public static async Task<MisbehavingServer> StartAsync(string bundle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new MisbehavingServer(app);
        app.MapGet("/{mode}/{**path}", (string mode, string path, HttpContext context) => server.ServeAsync(bundle, mode, path, context));
        await app.StartAsync();
        server.Address = new Uri(app.Urls.First());
        return server;
    }

    public Uri BundleAt(string mode) => new(Address, mode + "/");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ServeAsync(string bundle, string mode, string path, HttpContext context)
    {
        var file = Path.Combine(bundle, path);
        var isFile = path.StartsWith("files/", StringComparison.Ordinal);
        if (mode == "endless-manifest" && path == "manifest.json")
        {
            await EndlessAsync(context);
            return;
        }

        if (!File.Exists(file))
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (!isFile || mode == "good")
        {
            if (isFile)
            {
                lock (Ranges)
                {
                    Ranges.Add(context.Request.Headers.Range.ToString());
                }
            }

            await Results.File(file, "application/octet-stream", enableRangeProcessing: true).ExecuteAsync(context);
            Interlocked.Add(ref _bytesServed, isFile ? context.Response.ContentLength ?? 0 : 0);
            return;
        }

        var bytes = await File.ReadAllBytesAsync(file);
        switch (mode)
        {
            case "endless":
                await EndlessAsync(context);
                break;
            case "overdeclared":
                context.Response.ContentLength = bytes.Length + 1_000_000;
                await context.Response.Body.WriteAsync(bytes);
                await context.Response.Body.WriteAsync(new byte[1_000_000]);
                break;
            case "trickle":
                for (var i = 0; i < bytes.Length && !context.RequestAborted.IsCancellationRequested; i++)
                {
                    await context.Response.Body.WriteAsync(bytes.AsMemory(i, 1));
                    await context.Response.Body.FlushAsync();
                    await Task.Delay(50);
                }

                break;
            case "cut":
                await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
                await context.Response.Body.FlushAsync();
                Interlocked.Add(ref _bytesServed, bytes.Length / 2);
                context.Abort();
                break;
        }
    }

    private async Task EndlessAsync(HttpContext context)
    {
        var junk = new byte[64 * 1024];
        Random.Shared.NextBytes(junk);
        try
        {
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(junk, context.RequestAborted);
                Interlocked.Add(ref _bytesServed, junk.Length);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }
    }
}
