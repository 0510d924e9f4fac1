using Microsoft.Extensions.Options;

namespace Car.VehicleBus.Simulator;

/// <summary>
/// Checks the data annotations on <see cref="SimulatorOptions"/> (<c>[Range]</c>, <c>[Required]</c>…) with source-generated code,
/// without reflection, so that the check is the same in the Native AOT build.
/// </summary>
[OptionsValidator]
internal sealed partial class SimulatorOptionsAnnotationsValidator : IValidateOptions<SimulatorOptions>;
