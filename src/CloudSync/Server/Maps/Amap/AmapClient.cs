using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Car.CloudSync.Server.Maps.Amap;

/// <summary>
/// Amap's web service API (v3): place search around a point, place detail and driving direction. Coordinates in and
/// out are GCJ-02; the provider converts. Amap writes numbers as strings and empty values as <c>[]</c>: read leniently.
/// </summary>
internal sealed class AmapClient(HttpClient http, IOptions<MapOptions> options)
{
    private readonly AmapOptions _options = options.Value.Amap;

    public Task<IReadOnlyList<AmapPoi>> PlaceAroundAsync(
        GeoCoordinate center, string? keywords, string? types, int radiusMeters, int pageSize, CancellationToken cancellationToken)
    {
        var query = new List<(string, string)>
        {
            ("location", Format(center)),
            ("radius", Math.Clamp(radiusMeters, 1, 50_000).ToString(CultureInfo.InvariantCulture)),
            ("sortrule", "distance"),
            ("offset", Math.Clamp(pageSize, 1, 25).ToString(CultureInfo.InvariantCulture)),
            ("page", "1"),
            ("extensions", "all"),
        };
        if (!string.IsNullOrEmpty(keywords))
        {
            query.Add(("keywords", keywords));
        }

        if (!string.IsNullOrEmpty(types))
        {
            query.Add(("types", types));
        }

        return GetPoisAsync("/v3/place/around", query, cancellationToken);
    }

    public Task<IReadOnlyList<AmapPoi>> PlaceDetailAsync(string id, CancellationToken cancellationToken) =>
        GetPoisAsync("/v3/place/detail", [("id", id)], cancellationToken);

    public async Task<IReadOnlyList<AmapPath>> DrivingAsync(
        GeoCoordinate origin, GeoCoordinate destination, int strategy, CancellationToken cancellationToken)
    {
        using var document = await GetAsync("/v3/direction/driving",
        [
            ("origin", Format(origin)),
            ("destination", Format(destination)),
            ("strategy", strategy.ToString(CultureInfo.InvariantCulture)),
            ("extensions", "all"),
        ], cancellationToken).ConfigureAwait(false);
        var paths = new List<AmapPath>();
        if (!document.RootElement.TryGetProperty("route", out var route) || !route.TryGetProperty("paths", out var pathArray)
            || pathArray.ValueKind != JsonValueKind.Array)
        {
            return paths;
        }

        foreach (var path in pathArray.EnumerateArray())
        {
            var steps = new List<AmapStep>();
            if (path.TryGetProperty("steps", out var stepArray) && stepArray.ValueKind == JsonValueKind.Array)
            {
                foreach (var step in stepArray.EnumerateArray())
                {
                    var traffic = new List<(string, double)>();
                    if (step.TryGetProperty("tmcs", out var tmcs) && tmcs.ValueKind == JsonValueKind.Array)
                    {
                        traffic.AddRange(tmcs.EnumerateArray().Select(t => (Text(t, "status"), Number(t, "distance") ?? 0)));
                    }

                    steps.Add(new AmapStep(Text(step, "road"), Number(step, "distance") ?? 0, Number(step, "toll_distance") ?? 0,
                        Polyline(Text(step, "polyline")), traffic));
                }
            }

            paths.Add(new AmapPath(Number(path, "distance") ?? 0, (int)(Number(path, "duration") ?? 0), Number(path, "tolls") ?? 0,
                Number(path, "toll_distance") ?? 0, steps));
        }

        return paths;
    }

    private async Task<IReadOnlyList<AmapPoi>> GetPoisAsync(string path, List<(string, string)> query, CancellationToken cancellationToken)
    {
        using var document = await GetAsync(path, query, cancellationToken).ConfigureAwait(false);
        var pois = new List<AmapPoi>();
        if (!document.RootElement.TryGetProperty("pois", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return pois;
        }

        foreach (var poi in array.EnumerateArray())
        {
            var location = Polyline(Text(poi, "location"));
            if (location.Count == 0)
            {
                continue;
            }

            var biz = poi.TryGetProperty("biz_ext", out var b) && b.ValueKind == JsonValueKind.Object ? b : default;
            pois.Add(new AmapPoi(
                Text(poi, "id"), Text(poi, "name"), Text(poi, "type"), Text(poi, "typecode"), Text(poi, "address"), location[0],
                Number(poi, "distance"),
                biz.ValueKind == JsonValueKind.Object ? Number(biz, "rating") : null,
                biz.ValueKind == JsonValueKind.Object ? Number(biz, "cost") : null,
                biz.ValueKind == JsonValueKind.Object ? Text(biz, "open_time") : ""));
        }

        return pois;
    }

    private async Task<JsonDocument> GetAsync(string path, List<(string Name, string Value)> query, CancellationToken cancellationToken)
    {
        query.Add(("key", _options.Key));
        query.Add(("output", "JSON"));
        var uri = new Uri(_options.BaseUrl, path + "?" + string.Join("&", query.Select(q => q.Name + "=" + Uri.EscapeDataString(q.Value))));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, _options.TimeoutSeconds)));
        using var response = await http.GetAsync(uri, timeout.Token).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var document = await JsonDocument.ParseAsync(stream, cancellationToken: timeout.Token).ConfigureAwait(false);
            if (Text(document.RootElement, "status") != "1")
            {
                var info = Text(document.RootElement, "info");
                var code = Text(document.RootElement, "infocode");
                document.Dispose();
                throw new AmapException($"Amap refused {path}: {info} ({code})") { InfoCode = code };
            }

            return document;
        }
    }

    private static string Format(GeoCoordinate c) =>
        string.Create(CultureInfo.InvariantCulture, $"{c.Longitude:0.######},{c.Latitude:0.######}");

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static double? Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
    }

    private static List<GeoCoordinate> Polyline(string text)
    {
        var points = new List<GeoCoordinate>();
        foreach (var pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var lonLat = pair.Split(',');
            if (lonLat.Length == 2
                && double.TryParse(lonLat[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                && double.TryParse(lonLat[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat))
            {
                points.Add(new GeoCoordinate(lat, lon));
            }
        }

        return points;
    }
}
