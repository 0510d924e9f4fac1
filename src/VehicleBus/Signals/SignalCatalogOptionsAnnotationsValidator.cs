using Microsoft.Extensions.Options;

namespace Car.VehicleBus.Signals;

/// <summary>
/// Checks the data annotations on <see cref="SignalCatalogOptions"/> (<c>[Range]</c>, <c>[Required]</c>…) with source-generated code,
/// without reflection, so that the check is the same in the Native AOT build.
/// </summary>
[OptionsValidator]
internal sealed partial class SignalCatalogOptionsAnnotationsValidator : IValidateOptions<SignalCatalogOptions>;
