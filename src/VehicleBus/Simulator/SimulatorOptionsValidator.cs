using Car.VehicleBus.Signals;
using Microsoft.Extensions.Options;

namespace Car.VehicleBus.Simulator;

/// <summary>Checks at start that every configured start value fits its signal in the catalog.</summary>
internal sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    private readonly SignalCatalog _catalog;

    public SimulatorOptionsValidator(SignalCatalog catalog)
    {
        _catalog = catalog;
    }

    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        var (_, errors) = SimulatorStartValues.Resolve(_catalog, options.StartValues);
        foreach (var path in options.Faults.Keys)
        {
            if (!_catalog.TryGet(path, out var signal) || signal.Kind != SignalKind.Actuator)
            {
                errors.Add($"{SimulatorOptions.SectionName}:Faults:{path}: there is no actuator {path} in the catalog.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
