using System.Text;
using System.Text.Json;
using Car.Assistant.Hosting;
using Car.VehicleBus.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Car.Assistant.Dashboard;

/// <summary>
/// The HTTP API the page uses, usable from curl: <c>POST /api/turns</c> (JSON <c>{"text":…}</c>, plain text, or a WAV
/// with <c>Content-Type: audio/wav</c>), <c>GET /api/state</c>, <c>PUT /api/scenario</c>, <c>GET|PUT /api/faults</c>,
/// <c>GET /api/turns</c> (the recent log), <c>GET|POST|DELETE /api/talk</c> (the voice session's talk button,
/// <see cref="TalkFeed"/>) and <c>GET /api/events</c> (Server-Sent Events: <c>state</c>, <c>turn</c>, <c>talk</c>).
/// </summary>
internal static class DashboardApi
{
    /// <summary>The largest request body taken: a WAV of about 8 minutes at 16 kHz, 16-bit.</summary>
    public const long MaxBody = 16L * 1024 * 1024;

    private const string Json = "application/json; charset=utf-8";

    public static void Map(IEndpointRouteBuilder app, IServiceProvider car)
    {
        app.MapPost("/api/turns", (Func<HttpContext, Task<IResult>>)(http => TurnAsync(http, car.GetRequiredService<DashboardSession>())));
        app.MapGet("/api/turns", () => Results.Text($"[{string.Join(',', car.GetRequiredService<TurnLog>().Recent)}]", Json));
        app.MapGet("/api/state", async (CancellationToken ct) => Results.Text(await car.GetRequiredService<CabinFeed>().ReadAsync(ct).ConfigureAwait(false), Json));
        app.MapPut("/api/scenario", (Func<HttpContext, Task<IResult>>)(http => ScenarioAsync(http, car)));
        app.MapGet("/api/faults", () => FaultsResult(car.GetService<VehicleSimulator>()));
        app.MapPut("/api/faults", (Func<HttpContext, Task<IResult>>)(http => FaultAsync(http, car.GetService<VehicleSimulator>())));
        app.MapGet("/api/talk", () => Results.Text(car.GetRequiredService<TalkFeed>().Json, Json));
        app.MapPost("/api/talk", () => Answer(car.GetRequiredService<TalkFeed>().Set(held: true)));
        app.MapDelete("/api/talk", () => Answer(car.GetRequiredService<TalkFeed>().Set(held: false)));
        app.MapGet("/api/events", (HttpContext http) => EventsAsync(http, car));
    }

    private static async Task<IResult> TurnAsync(HttpContext http, DashboardSession session)
    {
        var cancellationToken = http.RequestAborted;
        var type = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var body = await ReadBodyAsync(http.Request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Answer(DashboardSession.Error(StatusCodes.Status413PayloadTooLarge, $"the body is larger than {MaxBody / 1024 / 1024} MB"));
        }

        TurnAnswer answer;
        switch (type)
        {
            case "audio/wav" or "audio/x-wav" or "audio/wave" or "audio/vnd.wave":
                answer = await session.WavAsync(body, cancellationToken).ConfigureAwait(false);
                break;
            case "text/plain":
                answer = await TextAsync(session, Encoding.UTF8.GetString(body), cancellationToken).ConfigureAwait(false);
                break;
            case "application/json" or null:
                answer = TextOf(body) is { } text
                    ? await TextAsync(session, text, cancellationToken).ConfigureAwait(false)
                    : DashboardSession.Error(StatusCodes.Status400BadRequest, "the body must be JSON {\"text\":\"有点闷\"}, plain text, or a WAV with Content-Type: audio/wav");
                break;
            default:
                answer = DashboardSession.Error(
                    StatusCodes.Status415UnsupportedMediaType, $"Content-Type {type} is not taken: send application/json {{\"text\":…}}, text/plain or audio/wav");
                break;
        }

        return Answer(answer);
    }

    private static Task<TurnAnswer> TextAsync(DashboardSession session, string text, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(text)
            ? Task.FromResult(DashboardSession.Error(StatusCodes.Status400BadRequest, "the text is empty: say something, e.g. {\"text\":\"有点闷\"}"))
            : session.TextAsync(text.Trim(), cancellationToken);

    private static string? TextOf(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
                ? text.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<IResult> ScenarioAsync(HttpContext http, IServiceProvider car)
    {
        if (car.GetService<VehicleSimulator>() is not { } simulator)
        {
            return Answer(DashboardSession.Error(StatusCodes.Status409Conflict, "this car is not simulated: the scenario cannot change"));
        }

        var body = await ReadBodyAsync(http.Request, http.RequestAborted).ConfigureAwait(false) ?? [];
        try
        {
            ScenarioChange.Parse(body).ApplyTo(simulator);
        }
        catch (FormatException e)
        {
            return Answer(DashboardSession.Error(StatusCodes.Status400BadRequest, e.Message));
        }

        return Results.Text(await car.GetRequiredService<CabinFeed>().ReadAsync(http.RequestAborted).ConfigureAwait(false), Json);
    }

    private static async Task<IResult> FaultAsync(HttpContext http, VehicleSimulator? simulator)
    {
        if (simulator is null)
        {
            return Answer(DashboardSession.Error(StatusCodes.Status409Conflict, "this car is not simulated: faults cannot be injected"));
        }

        var body = await ReadBodyAsync(http.Request, http.RequestAborted).ConfigureAwait(false) ?? [];
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("fault", out var fault) || fault.ValueKind != JsonValueKind.String
                || !Enum.TryParse<ActuatorFault>(fault.GetString(), ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                return Answer(DashboardSession.Error(
                    StatusCodes.Status400BadRequest, "the body must be {\"path\":\"Vehicle.Cabin.Door.Row1.DriverSide.Window.Position\",\"fault\":\"none|stuck|slow|partial\"}"));
            }

            simulator.SetFault(path.GetString()!, kind);
        }
        catch (JsonException e)
        {
            return Answer(DashboardSession.Error(StatusCodes.Status400BadRequest, $"the body is not JSON: {e.Message}"));
        }
        catch (Car.VehicleBus.Signals.VehicleBusException e)
        {
            return Answer(DashboardSession.Error(StatusCodes.Status400BadRequest, e.Message));
        }

        return FaultsResult(simulator);
    }

    private static IResult FaultsResult(VehicleSimulator? simulator) =>
        Results.Text(
            JsonSerializer.Serialize(
                (simulator?.Faults ?? new Dictionary<string, ActuatorFault>()).ToDictionary(f => f.Key, f => f.Value.ToString().ToLowerInvariant()),
                CarJsonContext.Default.DictionaryStringString),
            Json);

    private static async Task EventsAsync(HttpContext http, IServiceProvider car)
    {
        var cancellationToken = http.RequestAborted;
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var first = new List<string>
        {
            DashboardEvents.Frame("state", await car.GetRequiredService<CabinFeed>().ReadAsync(cancellationToken).ConfigureAwait(false)),
            DashboardEvents.Frame("talk", car.GetRequiredService<TalkFeed>().Json),
        };
        first.AddRange(car.GetRequiredService<TurnLog>().Recent.Select(entry => DashboardEvents.Frame("turn", entry)));
        try
        {
            await foreach (var message in car.GetRequiredService<DashboardEvents>().ReadAsync(first, cancellationToken).ConfigureAwait(false))
            {
                await http.Response.WriteAsync(message, cancellationToken).ConfigureAwait(false);
                await http.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page closed the stream.
        }
    }

    /// <summary>The body, or null when it is larger than <see cref="MaxBody"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBody)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBody)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult Answer(TurnAnswer answer) => Results.Text(answer.Json, Json, statusCode: answer.Status);
}
