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
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
