using Car.ModelWriting;

namespace Car.Testing;

/// <summary>The project's small random-weight Whisper model (every lexicon character in its vocabulary), written once.</summary>
public static class TestWhisperModel
{
    private static readonly Lazy<string> Written = new(() =>
    {
        var path = System.IO.Path.Combine(Directory.CreateTempSubdirectory("car-whisper-").FullName, TestModelFiles.Whisper);
        var lexicon = File.ReadAllText(System.IO.Path.Combine(TestModel.Directory, "lexicon.json"));
        RandomWhisperWriter.WriteAsync(WhisperShape.Test, lexicon, path).GetAwaiter().GetResult();
        return path;
    });

    public static string Path => Written.Value;
}
