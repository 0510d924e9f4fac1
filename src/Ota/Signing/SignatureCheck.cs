namespace Car.Ota.Signing;

/// <summary>Counts the distinct trusted keys whose signature over a document is valid, against a threshold.</summary>
public static class SignatureCheck
{
    /// <summary>
    /// Throws <see cref="BundleRejectedException"/> unless at least <paramref name="threshold"/> distinct keys of
    /// <paramref name="keys"/> signed <paramref name="document"/>; the message says what was found.
    /// </summary>
    public static void RequireThreshold(
        string what, ReadOnlySpan<byte> document, IReadOnlyList<BundleSignature> signatures, IReadOnlyList<PublicSigningKey> keys, int threshold)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        ArgumentNullException.ThrowIfNull(keys);
        if (signatures.Count == 0)
        {
            throw new BundleRejectedException($"The {what} is not signed: no signatures.");
        }

        var good = new HashSet<string>(StringComparer.Ordinal);
        var unknown = 0;
        var bad = 0;
        foreach (var signature in signatures)
        {
            var key = keys.FirstOrDefault(k => k.Id == signature.KeyId);
            if (key is null)
            {
                unknown++;
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(signature.Signature);
            }
            catch (FormatException)
            {
                bad++;
                continue;
            }

            if (key.Verify(document, bytes))
            {
                good.Add(key.Id);
            }
            else
            {
                bad++;
            }
        }

        if (good.Count >= threshold)
        {
            return;
        }

        var reasons = new List<string>();
        if (bad > 0)
        {
            reasons.Add($"{bad} signature(s) invalid");
        }

        if (unknown > 0)
        {
            reasons.Add($"{unknown} by unknown key(s)");
        }

        var detail = reasons.Count > 0 ? " (" + string.Join(", ", reasons) + ")" : "";
        throw new BundleRejectedException(
            $"The {what} has {good.Count} valid signature(s) by trusted keys, {threshold} required{detail}.");
    }
}
