using System.Reflection;
using Car.CloudSync.Server.Auth;
using Car.CloudSync.Server.Bundles;
using Car.CloudSync.Server.Events;
using Car.CloudSync.Server.Maps;
using Car.CloudSync.Server.Recommendations;
using Car.CloudSync.Server.Storage;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace Car.CloudSync.Server;

/// <summary>
/// Car's reference cloud server: builds the gRPC app from command-line style arguments, so that the command line,
/// tests and benchmarks start the same server. After <c>StartAsync</c> the bound addresses are in <c>app.Urls</c>.
/// </summary>
public static class CloudServer
{
    /// <summary>The version every answer carries in its metadata.</summary>
    public static string Version { get; } =
        typeof(CloudServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    /// <summary>
    /// Builds the server from <paramref name="args"/> (e.g. <c>--urls http://127.0.0.1:0 --Storage:Sqlite:Path=/tmp/x.db</c>).
    /// Throws <see cref="OptionsValidationException"/> when the configuration is invalid.
    /// </summary>
    public static WebApplication Create(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new WebApplicationOptions
        {
            Args = args,
            // carcloud.json sits next to the assembly; a --contentRoot argument still wins.
            ContentRootPath = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) ? null : AppContext.BaseDirectory,
        };
        var builder = WebApplication.CreateBuilder(options);
        UseServerSettingsFiles(builder);
        builder.Configuration.AddEnvironmentVariables("CARCLOUD_");
        builder.Configuration.AddCommandLine(args);

        if (builder.Configuration["Kestrel:EndpointDefaults:Protocols"] is null)
        {
            // gRPC over plain http:// needs HTTP/2 with prior knowledge (h2c).
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2));
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<VehicleAuthInterceptor>());
        builder.Services.AddVehicleAuth(builder.Configuration.GetSection(VehicleAuthOptions.Section));
        builder.Services.AddCloudStorage(builder.Configuration.GetSection(StorageOptions.Section), builder.Environment.ContentRootPath);
        builder.Services.AddCloudMaps(builder.Configuration.GetSection(MapOptions.Section));
        builder.Services.AddPlaceRecommendations();
        builder.Services.Configure<BundleFilesOptions>(builder.Configuration.GetSection(BundleFilesOptions.Section));

        var app = builder.Build();
        // Fail here, before anything listens, with the configuration's own words.
        _ = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        _ = app.Services.GetRequiredService<IOptions<MapOptions>>().Value;
        _ = app.Services.GetRequiredService<IOptions<VehicleAuthOptions>>().Value;

        app.MapGrpcService<RecommendationsService>();
        app.MapGrpcService<VehicleEventsService>();
        app.MapBundleFiles();
        app.MapGet("/", () => $"Car reference cloud server {Version}: gRPC car.cloud.v1 (Recommendations, VehicleEvents).");
        return app;
    }

    /// <summary>
    /// Reads carcloud.json and carcloud.{Environment}.json where the default builder reads appsettings*.json (below the
    /// environment and the command line). The server's file has its own name because a program that hosts both the car
    /// and the server (tests, benchmarks) shares one output folder, where two appsettings.json would overwrite each other.
    /// </summary>
    private static void UseServerSettingsFiles(WebApplicationBuilder builder)
    {
        var sources = builder.Configuration.Sources;
        var first = -1;
        for (var i = sources.Count - 1; i >= 0; i--)
        {
            if (sources[i] is JsonConfigurationSource { Path: { } path } && path.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase))
            {
                sources.RemoveAt(i);
                first = i;
            }
        }

        var at = first < 0 ? 0 : first;
        foreach (var name in new[] { "carcloud.json", $"carcloud.{builder.Environment.EnvironmentName}.json" })
        {
            sources.Insert(at++, new JsonConfigurationSource
            {
                Path = name,
                Optional = true,
                ReloadOnChange = false,
                FileProvider = builder.Environment.ContentRootFileProvider,
            });
        }
    }

    /// <summary>Runs the server until it is stopped; invalid configuration is one line on stderr and exit code 2.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        WebApplication app;
        try
        {
            app = Create(args);
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"carcloud: invalid configuration: {string.Join(" ", e.Failures)}").ConfigureAwait(false);
            return 2;
        }

        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.RunAsync().ConfigureAwait(false);
                return 0;
            }
            catch (CloudStorageException e)
            {
                await Console.Error.WriteLineAsync($"carcloud: storage unavailable: {e.Message}").ConfigureAwait(false);
                return 3;
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"carcloud: cannot listen: {e.Message}").ConfigureAwait(false);
                return 4;
            }
        }
    }
}
