using System.CommandLine;
using Car.Assistant.Cli.Evaluation;
using Car.Assistant.Hosting;
using Car.Language;
using Car.Language.Llm;
using Car.Speech.Recognition;
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
            Description = "Print each turn as the JSON report of shared/spec/intents.md.",
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
        };

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
                : Invalid(result, $"--cloud takes an http:// or https:// address, not '{result.Tokens[0].Value}'."),
        };

        var root = new RootCommand("Car: an offline voice assistant for the head unit. With no command: an interactive session.")
        {
            scenario, json, settings, engine, model, gpuLayers, listen, asrModel, gazetteers, cloud,
        };

        async Task<IHost> StartHostAsync(ParseResult result, bool interactive, CancellationToken cancellationToken, string? defaultEngine = null, bool start = true)
        {
            var chosenEngine = result.GetResult(engine) is { Implicit: false } || defaultEngine is null ? result.GetValue(engine) : defaultEngine;
            var values = new List<KeyValuePair<string, string?>>
            {
                new($"{SimulatorOptions.SectionName}:Scenario", result.GetValue(scenario)),
                new($"{ConsoleSessionOptions.SectionName}:Json", result.GetValue(json).ToString()),
                new($"{LlmOptions.SectionName}:Engine", chosenEngine),
            };
            if (result.GetValue(gpuLayers) is { } layers)
            {
                values.Add(new($"{LlmOptions.SectionName}:GpuLayers", layers.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            if (result.GetValue(model) is { } modelFile)
            {
                values.Add(new($"{LlmOptions.SectionName}:ModelPath", modelFile.FullName));
            }

            if (result.GetValue(asrModel) is { } asr)
            {
                values.Add(new($"{SpeechRecognitionOptions.SectionName}:ModelPath", asr.FullName));
            }

            if (result.GetValue(cloud) is { } endpoint)
            {
                values.Add(new("Cloud:Endpoint", endpoint.ToString()));
            }

            values.AddRange((result.GetValue(gazetteers) ?? []).Select((file, i) =>
                new KeyValuePair<string, string?>($"{LanguageOptions.SectionName}:Gazetteers:{i}", file.FullName)));
            values.AddRange((result.GetValue(settings) ?? []).Select(s => s.Split('=', 2))
                .Select(p => new KeyValuePair<string, string?>(p[0], p[1])));

            var builder = CarHost.CreateBuilder(values);
            builder.Services.AddOptions<ConsoleSessionOptions>().BindConfiguration(ConsoleSessionOptions.SectionName);
            if (interactive && result.GetValue(listen))
            {
                builder.Services.AddHostedService<VoiceSessionService>();
            }
            else if (interactive)
            {
                builder.Services.AddHostedService<ConsoleSessionService>();
            }

            if (interactive)
            {
                builder.Services.AddBundleBoot();
            }

            var host = builder.Build();
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
        root.Subcommands.Add(ModelsCommand.Create((result, ct) => StartHostAsync(result, false, ct), (result, ct) => StartHostAsync(result, false, ct, start: false), json));
        root.Subcommands.Add(ListenCommand.Create((result, ct) => StartHostAsync(result, false, ct)));
        root.Subcommands.Add(SpeakCommand.Create((result, ct) => StartHostAsync(result, false, ct)));
        root.Subcommands.Add(CloudCommand.Create((result, ct) => StartHostAsync(result, false, ct), json));
        root.SetAction(async (result, cancellationToken) =>
        {
            using var host = await StartHostAsync(result, interactive: true, cancellationToken).ConfigureAwait(false);
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return root;
    }

    private static Uri? Invalid(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return null;
    }
}
