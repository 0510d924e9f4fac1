namespace Car.Language.Segmentation;

/// <summary>A word added or re-weighted after load; frequency 0 means it is no longer a word.</summary>
internal readonly record struct UserEntry(long Frequency, double LogFrequency, string Tag);
