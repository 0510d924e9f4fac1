using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Car.Assistant.Dashboard;

/// <summary>The page, its script and its style, embedded in the program (a head unit and CI are offline: no CDN).</summary>
internal static class DashboardAssets
{
    private const string Prefix = "Car.Assistant.Dashboard.Assets.";

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        var assembly = typeof(DashboardAssets).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..];
            var bytes = Read(assembly, resource);
            var type = Types.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream");
            app.MapGet(name == "index.html" ? "/" : "/" + name, () => Results.Bytes(bytes, type));
        }
    }

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
