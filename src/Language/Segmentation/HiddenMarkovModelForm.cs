using Car.Language.Compiled;

namespace Car.Language.Segmentation;

/// <summary><see cref="HiddenMarkovModel"/> in a compiled file: its probabilities as they lie in memory, read without parsing half a megabyte of decimals.</summary>
internal sealed class HiddenMarkovModelForm : ICompiledForm<HiddenMarkovModel>
{
    public static HiddenMarkovModelForm Instance { get; } = new();

    /// <summary>"JHMM".</summary>
    public uint Kind => 0x4D4D484A;

    public uint Version => 2;

    public void Write(CompiledFileWriter writer, HiddenMarkovModel value)
    {
        var (start, transition, characters, emission) = value.Arrays;
        writer.WriteArray<double>(start);
        writer.WriteArray<double>(transition);
        writer.WriteArray<char>(characters);
        writer.WriteArray<double>(emission);
    }

    public HiddenMarkovModel Read(CompiledFileReader reader)
    {
        var start = reader.ReadArray<double>();
        var transition = reader.ReadArray<double>();
        var characters = reader.ReadArray<char>();
        var emission = reader.ReadArray<double>();
        reader.Finish();
        return HiddenMarkovModel.FromArrays(start, transition, characters, emission)
            ?? throw new CompiledDataException("its arrays do not fit together");
    }
}
