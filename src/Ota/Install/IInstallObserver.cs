namespace Car.Ota.Install;

/// <summary>Sees an installation's progress: each step boundary and the bytes received (progress bars, and the power-cut tests' kill switch).</summary>
public interface IInstallObserver
{
    void Reached(string boundary);

    void Received(long bytes);
}
