using Microsoft.Extensions.Options;

namespace Car.CloudSync.Server.Bundles;

/// <summary>
/// Serves OTA bundles as static files (<c>GET /bundles/NAME/manifest.json</c>, <c>/bundles/NAME/files/PATH</c>) with
/// HTTP range requests, so a car resumes a cut download. The car verifies everything; the server only serves bytes.
/// </summary>
public static class BundleFilesEndpoints
{
    public static IEndpointRouteBuilder MapBundleFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/bundles/{**path}", (string path, IOptions<BundleFilesOptions> options) =>
        {
            if (options.Value.Directory is not { Length: > 0 } directory)
            {
                return Results.NotFound();
            }

            var root = Path.GetFullPath(directory) + Path.DirectorySeparatorChar;
            var full = Path.GetFullPath(Path.Combine(root, path));
            return full.StartsWith(root, StringComparison.Ordinal) && File.Exists(full)
                ? Results.File(full, "application/octet-stream", enableRangeProcessing: true)
                : Results.NotFound();
        });
        return endpoints;
    }
}
