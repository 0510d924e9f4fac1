namespace Car.Assistant.Policy;

/// <summary>Fan levels 1–7 as the driver says them, and the fan speed percent VSS carries.</summary>
public static class FanLevels
{
    public const int Min = 1;
    public const int Max = 7;

    public static double ToPercent(int level) => Math.Round(Math.Clamp(level, Min, Max) * 100.0 / Max);

    public static int FromPercent(double percent) => Math.Clamp((int)Math.Round(percent * Max / 100.0), Min, Max);
}
