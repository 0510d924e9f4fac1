using Microsoft.Extensions.Options;

namespace Car.Assistant.Dialogue;

/// <summary>
/// Checks the data annotations on <see cref="RecommendationOptions"/> (<c>[Range]</c>, <c>[Required]</c>…) with source-generated code,
/// without reflection, so that the check is the same in the Native AOT build.
/// </summary>
[OptionsValidator]
internal sealed partial class RecommendationOptionsAnnotationsValidator : IValidateOptions<RecommendationOptions>;
