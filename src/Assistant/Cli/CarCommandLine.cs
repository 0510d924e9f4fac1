using System.CommandLine;
using Car.Assistant.Cli.Evaluation;
using Car.Assistant.Hosting;
using Car.Language;
using Car.Language.Llm;
using Car.Ota;
using Car.Speech.Recognition;
using Car.VehicleBus.Client;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Cli;

/// <summary>The <c>car</c> command: <c>parse</c>, <c>eval</c>, <c>say</c>, and with no command the interactive session.</summary>
public static class CarCommandLine
{
    public static RootCommand Create()
    {
        var scenario = new Option<string>("--scenario")
        {
            Description = "The simulated situation: parked, city, highway or rain.",
            DefaultValueFactory = _ => "parked",
            Recursive = true,
        };
        scenario.AcceptOnlyFromAmong([.. Enum.GetNames<DrivingScenario>().Select(n => n.ToLowerInvariant())]);
        var json = new Option<bool>("--json")
        {
            Description = "Print each turn as the JSON report of docs/intents.md.",
            Recursive = true,
        };
        var settings = new Option<string[]>("--set")
        {
            Description = "Override a setting, e.g. --set Policy:HighSpeedKmh=90 (repeatable).",
            Recursive = true,
        };
        settings.Validators.Add(result =>
        {
            foreach (var setting in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (setting.IndexOf('=', StringComparison.Ordinal) <= 0)
                {
                    result.AddError($"--set takes NAME=VALUE, not '{setting}'.");
                }
            }
        });

        var engine = new Option<string>("--engine")
        {
            Description = "Which parser answers: auto (rules, then the LLM for what they miss), rules or llm.",
            DefaultValueFactory = _ => "auto",
            Recursive = true,
        };
        engine.AcceptOnlyFromAmong("auto", "rules", "llm");
        var model = new Option<FileInfo>("--model")
        {
            Description = "The GGUF language model for the LLM fallback (e.g. from `car models write-test`).",
            Recursive = true,
        };

        var gpuLayers = new Option<int?>("--gpu-layers")
        {
            Description = "Model layers to offload to an NVIDIA GPU (needs the CUDA llama.cpp from native/cuda via CAR_LLAMA_DIR).",
            Recursive = true,
            CustomParser = result => int.TryParse(result.Tokens[0].Value, System.Globalization.CultureInfo.InvariantCulture, out var layers) && layers >= -1
                ? layers
                : Invalid<int?>(result, $"--gpu-layers takes a whole number of layers (0: CPU only, -1: all), not '{result.Tokens[0].Value}'."),
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log what the assistant does on stderr (level Debug).", Recursive = true };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Log only errors on stderr.", Recursive = true };

        var listen = new Option<bool>("--listen") { Description = "Interactive session by voice: always listening to the microphone (ALSA), replies spoken." };
        var asrModel = new Option<FileInfo>("--asr-model")
        {
            Description = "The whisper.cpp model (e.g. from `car models write-test`) for --listen and listen; without it speech is found but not recognised.",
            Recursive = true,
        };

        var gazetteers = new Option<FileInfo[]>("--gazetteer")
        {
            Description = "A file of the owner's names, one 'kind<TAB>name' a line (contact, artist, title, album, place): taken whole and trusted (repeatable).",
            Recursive = true,
        };

        var cloud = new Option<Uri>("--cloud")
        {
            Description = "The cloud endpoint for places, routes and trips (the setting Cloud:Endpoint), e.g. http://127.0.0.1:5080.",
            Recursive = true,
            CustomParser = result => Uri.TryCreate(result.Tokens[0].Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : Invalid<Uri>(result, $"--cloud takes an http:// or https:// address, not '{result.Tokens[0].Value}'."),
        };

        var broker = new Option<Uri>("--broker")
        {
            Description = "A kuksa.val.v2 vehicle broker (car serve, Eclipse KUKSA databroker) to drive instead of the simulated car, e.g. http://127.0.0.1:55555.",
            Recursive = true,
            CustomParser = result => Uri.TryCreate(result.Tokens[0].Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : Invalid<Uri>(result, $"--broker takes an http:// or https:// address, not '{result.Tokens[0].Value}'."),
        };
        var token = new Option<FileInfo>("--token")
        {
            Description = "A file holding the JWT to send to the --broker.",
            Recursive = true,
        };

        var root = new RootCommand("Car: an offline voice assistant for the head unit. With no command: an interactive session.")
        {
            scenario, json, settings, engine, model, gpuLayers, listen, asrModel, gazetteers, cloud, broker, token, verbose, quiet,
        };
        root.Validators.Add(result =>
        {
            if (result.GetValue(verbose) && result.GetValue(quiet))
            {
                result.AddError("--verbose and --quiet cannot be given together.");
            }
        });

        async Task<IHost> StartHostAsync(
            ParseResult result,
            bool interactive,
            CancellationToken cancellationToken,
            string? defaultEngine = null,
            IReadOnlyDictionary<string, string?>? scenarioSettings = null,
            Action<HostApplicationBuilder>? configure = null,
            bool start = true,
            IReadOnlyDictionary<string, string?>? commandSettings = null)
        {
            // Settings merge without clashing: a command's own default, then --set (a key given twice: the last wins),
            // then the options that were given on the command line, which win over --set.
            // A scenario file's settings come first: the command line wins over them.
            var values = new Dictionary<string, string?>(scenarioSettings ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase);
            if (defaultEngine is not null)
            {
                values[$"{LlmOptions.SectionName}:Engine"] = defaultEngine;
            }

            foreach (var setting in result.GetValue(settings) ?? [])
            {
                var pair = setting.Split('=', 2);
                values[pair[0].Trim()] = pair[1];
            }

            void Given<T>(Option<T> option, string key, Func<T, string?> text)
            {
                if (result.GetResult(option) is { Implicit: false } && result.GetValue(option) is { } value && text(value) is { } given)
                {
                    values[key] = given;
                }
            }

            Given(scenario, $"{SimulatorOptions.SectionName}:Scenario", v => v);
            Given(json, $"{ConsoleSessionOptions.SectionName}:Json", v => v ? "true" : "false");
            Given(engine, $"{LlmOptions.SectionName}:Engine", v => v);
            Given(gpuLayers, $"{LlmOptions.SectionName}:GpuLayers", v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Given(model, $"{LlmOptions.SectionName}:ModelPath", v => v.FullName);
            Given(asrModel, $"{SpeechRecognitionOptions.SectionName}:ModelPath", v => v.FullName);
            Given(cloud, "Cloud:Endpoint", v => v.ToString());
            Given(verbose, "Logging:LogLevel:Default", v => v ? "Debug" : null);
            Given(quiet, "Logging:LogLevel:Default", v => v ? "Error" : null);
            var files = result.GetValue(gazetteers) ?? [];
            for (var i = 0; i < files.Length; i++)
            {
                values[$"{LanguageOptions.SectionName}:Gazetteers:{i}"] = files[i].FullName;
            }

            Given(broker, $"{KuksaClientOptions.SectionName}:Url", v => v.ToString());
            Given(token, $"{KuksaClientOptions.SectionName}:TokenFile", v => v.FullName);
            foreach (var (key, value) in commandSettings ?? new Dictionary<string, string?>())
            {
                // A command's own option (car models … --store DIR) is the most specific of all.
                values[key] = value;
            }

            var builder = CarHost.CreateBuilder(values);
            if (configure is null && !string.IsNullOrEmpty(builder.Configuration[$"{KuksaClientOptions.SectionName}:Url"]))
            {
                // The assistant drives the car behind a broker instead of the simulated one.
                builder.Services.AddKuksaVehicleBus();
            }

            configure?.Invoke(builder);
            builder.Services.AddOptions<ConsoleSessionOptions>().BindConfiguration(ConsoleSessionOptions.SectionName);
            builder.Services.AddSingleton<SessionResult>();
            if (interactive && result.GetValue(listen))
            {
                builder.Services.AddHostedService<VoiceSessionService>();
            }
            else if (interactive)
            {
                builder.Services.AddHostedService<ConsoleSessionService>();
            }

            // The long-running car (the session, car serve) counts starts of a new bundle, checks its health and
            // follows installs by other processes; one-shot commands only read the active bundle.
            if (interactive || configure is not null)
            {
                builder.Services.AddBundleBoot();
            }

            var host = CarHost.Build(builder);
            if (!interactive && start)
            {
                // Starting validates every option (ValidateOnStart) before the first utterance.
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
            }

            return host;
        }

        root.Subcommands.Add(ParseCommand.Create((result, ct) => StartHostAsync(result, false, ct)));
        // Evaluation measures the rules unless --engine says otherwise: the LLM fallback is measured on purpose.
        root.Subcommands.Add(EvalCommand.Create((result, ct) => StartHostAsync(result, false, ct, defaultEngine: "rules"), json));
        root.Subcommands.Add(SayCommand.Create((result, ct) => StartHostAsync(result, false, ct), json));
        // The bundle commands build the host without starting it: no engine is warmed up to install or inspect a bundle.
        root.Subcommands.Add(ModelsCommand.Create((result, ct) => StartHostAsync(result, false, ct), (result, store, ct) => StartHostAsync(result, false, ct, start: false,
            commandSettings: store is null ? null : new Dictionary<string, string?> { [$"{OtaOptions.SectionName}:StoreDirectory"] = store.FullName }), json));
        root.Subcommands.Add(ListenCommand.Create((result, ct) => StartHostAsync(result, false, ct), json));
        root.Subcommands.Add(SpeakCommand.Create((result, ct) => StartHostAsync(result, false, ct)));
        root.Subcommands.Add(SimCommand.Create((result, scenario, ct) => StartHostAsync(result, false, ct, scenarioSettings: scenario)));
        root.Subcommands.Add(CloudCommand.Create((result, ct) => StartHostAsync(result, false, ct), json));
        root.Subcommands.Add(ServeCommand.Create((result, configure, ct) => StartHostAsync(result, false, ct, configure: configure)));
        root.Subcommands.Add(BusCommand.Create(broker, token, json));
        root.SetAction(async (result, cancellationToken) =>
        {
            using var host = await StartHostAsync(result, interactive: true, cancellationToken).ConfigureAwait(false);
            var session = host.Services.GetRequiredService<SessionResult>();
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return session.ExitCode;
        });
        return root;
    }

    private static T? Invalid<T>(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return default;
    }
}
