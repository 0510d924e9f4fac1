namespace Car.Speech.Audio;

/// <summary>
/// Band-limited resampling with a Kaiser-windowed sinc: the cutoff sits at 90 % of the lower Nyquist frequency, so
/// content the target rate cannot carry (a 10 kHz tone at 16 kHz) is removed instead of aliasing, and tones below
/// keep their frequency and level. The kernel is tabulated once per rate pair (256 points per input sample) and
/// read with linear interpolation.
/// </summary>
public static class Resampler
{
    private const int HalfTaps = 32;
    private const int TableResolution = 256;
    private const double Beta = 8.6;

    public static AudioClip Resample(AudioClip clip, int targetRate)
    {
        ArgumentNullException.ThrowIfNull(clip);
        if (clip.SampleRate == targetRate || clip.Samples.Length == 0)
        {
            return clip with { SampleRate = targetRate };
        }

        var ratio = (double)targetRate / clip.SampleRate;
        var cutoff = 0.9 * Math.Min(1.0, ratio);
        var reach = HalfTaps / cutoff;
        var kernel = Kernel(cutoff, reach);
        var input = clip.Samples;
        var output = new float[(int)Math.Floor(input.Length * ratio)];
        var step = 1.0 / ratio;
        for (var i = 0; i < output.Length; i++)
        {
            var center = i * step;
            var first = Math.Max((int)Math.Ceiling(center - reach), 0);
            var last = Math.Min((int)Math.Floor(center + reach), input.Length - 1);
            double sum = 0;
            for (var j = first; j <= last; j++)
            {
                var position = Math.Abs(j - center) * TableResolution;
                var index = (int)position;
                var fraction = position - index;
                var weight = index + 1 < kernel.Length
                    ? kernel[index] + ((kernel[index + 1] - kernel[index]) * fraction)
                    : 0;
                sum += input[j] * weight;
            }

            output[i] = (float)sum;
        }

        return new AudioClip(output, targetRate);
    }

    /// <summary>The windowed sinc from distance 0 to <paramref name="reach"/> input samples.</summary>
    private static double[] Kernel(double cutoff, double reach)
    {
        var table = new double[(int)Math.Ceiling(reach * TableResolution) + 2];
        var besselBeta = BesselI0(Beta);
        for (var k = 0; k < table.Length; k++)
        {
            var distance = (double)k / TableResolution;
            if (distance > reach)
            {
                continue;
            }

            var x = distance * cutoff;
            var sinc = x < 1e-12 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);
            var position = distance / reach;
            var window = BesselI0(Beta * Math.Sqrt(1 - (position * position))) / besselBeta;
            table[k] = sinc * window * cutoff;
        }

        return table;
    }

    private static double BesselI0(double x)
    {
        double sum = 1, term = 1;
        for (var k = 1; k < 40; k++)
        {
            term *= x / (2 * k) * (x / (2 * k));
            sum += term;
        }

        return sum;
    }
}
