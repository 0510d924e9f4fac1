using System.Text.RegularExpressions;

namespace Car.VehicleBus.Broker;

/// <summary>
/// What one caller may do, from the <c>scope</c> claim of its token (spec §6): <c>read</c>, <c>actuate</c>,
/// <c>provide</c> and <c>create</c>, each alone (every signal) or as <c>action:Path</c>, where a branch covers
/// everything below it and <c>*</c> matches one level. actuate, provide and create include read.
/// </summary>
public sealed partial class KuksaAccess
{
    private static readonly string[] ReadActions = ["read", "actuate", "provide", "create"];
    private static readonly string[] ActuateActions = ["actuate"];
    private static readonly string[] ProvideActions = ["provide"];
    private readonly List<(string Action, Regex? Path)> _grants;

    private KuksaAccess(List<(string Action, Regex? Path)> grants, DateTimeOffset expires)
    {
        _grants = grants;
        Expires = expires;
    }

    /// <summary>Everything allowed: a broker without authorization.</summary>
    public static KuksaAccess AllowAll { get; } = new([("read", null), ("actuate", null), ("provide", null), ("create", null)], DateTimeOffset.MaxValue);

    /// <summary>When the token stops being valid; streams end then with UNAUTHENTICATED.</summary>
    public DateTimeOffset Expires { get; }

    /// <summary>Reads a scope claim; throws <see cref="FormatException"/> for an unknown action or a malformed path.</summary>
    public static KuksaAccess FromScope(string scope, DateTimeOffset expires)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var grants = new List<(string, Regex?)>();
        foreach (var item in scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            var action = colon < 0 ? item : item[..colon];
            if (action is not ("read" or "actuate" or "provide" or "create"))
            {
                throw new FormatException($"The scope '{item}' names an unknown action '{action}' (read, actuate, provide, create).");
            }

            Regex? path = null;
            if (colon >= 0)
            {
                var pattern = item[(colon + 1)..];
                if (!ScopePath().IsMatch(pattern))
                {
                    throw new FormatException($"The scope '{item}' has a malformed path.");
                }

                path = new Regex("^" + string.Join(@"\.", pattern.Split('.').Select(s => s == "*" ? @"[^.]+" : Regex.Escape(s))) + @"(\..+)?$",
                    RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
            }

            grants.Add((action, path));
        }

        return new KuksaAccess(grants, expires);
    }

    public bool CanRead(string path) => HasAny(path, ReadActions);

    public bool CanActuate(string path) => HasAny(path, ActuateActions);

    public bool CanProvide(string path) => HasAny(path, ProvideActions);

    private bool HasAny(string path, string[] actions)
    {
        foreach (var (action, pattern) in _grants)
        {
            if (Array.IndexOf(actions, action) >= 0 && (pattern is null || pattern.IsMatch(path)))
            {
                return true;
            }
        }

        return false;
    }

    // Unlike KUKSA's pattern (whose digit class is 0-1, spec §6), any digit is allowed after the first letter.
    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9_]*|\*)(\.([A-Za-z][A-Za-z0-9_]*|\*))*$", RegexOptions.CultureInvariant)]
    private static partial Regex ScopePath();
}
