namespace Car.ModelWriting;

/// <summary>What quantising a Whisper file did: how many matrices became blocks, and the file sizes before and after.</summary>
public sealed record WhisperQuantization(int Matrices, long SourceBytes, long DestinationBytes);
