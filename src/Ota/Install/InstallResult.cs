using Car.Ota.Store;

namespace Car.Ota.Install;

/// <summary>How an installation ended: the bundle now active and the version it replaced.</summary>
public sealed record InstallResult(InstalledBundle Active, long FromVersion, bool AlreadyInstalled);
