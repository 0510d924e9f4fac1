namespace Car.Language.SoundAlike;

/// <summary>
/// A span of the text, <paramref name="Start"/> and <paramref name="Length"/> in chars, that sounds like the domain
/// word <paramref name="Word"/> (of the same length) but is spelled otherwise. Not named SoundAlike: a type named
/// like its namespace would hide the namespace from code in Car.Language.
/// </summary>
public sealed record SoundAlikeMatch(int Start, int Length, string Word);
