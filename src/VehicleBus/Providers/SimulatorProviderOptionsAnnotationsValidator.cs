using Microsoft.Extensions.Options;

namespace Car.VehicleBus.Providers;

/// <summary>
/// Checks the data annotations on <see cref="SimulatorProviderOptions"/> (<c>[Range]</c>, <c>[Required]</c>…) with source-generated code,
/// without reflection, so that the check is the same in the Native AOT build.
/// </summary>
[OptionsValidator]
internal sealed partial class SimulatorProviderOptionsAnnotationsValidator : IValidateOptions<SimulatorProviderOptions>;
