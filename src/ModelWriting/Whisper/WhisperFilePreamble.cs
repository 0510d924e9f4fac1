namespace Car.ModelWriting;

/// <summary>What a whisper.cpp model file says before its tensors: its file type (ggml's, plus 1 000 × the quantisation version when quantised) and where the tensors start.</summary>
internal sealed record WhisperFilePreamble(int FileType, long Length);
