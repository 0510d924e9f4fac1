namespace Car.Language;

/// <summary>
/// Words that only make sense against what was just done (再低一点, 副驾也要, 第二个, 确定). The parse stays
/// stateless: it reports them, and the dialogue resolves them against the session.
/// </summary>
public abstract record FollowUp;

/// <summary>
/// 再高一点 / 再开大一点 / 再低两度: the same request again, moved up (+1) or down (-1). <paramref name="About"/> is the
/// request when the words name it (窗户再开大点: a window, from where it is now); otherwise the session's last.
/// </summary>
public sealed record AdjustFollowUp(int Direction, double? Amount, Intent? About = null) : FollowUp;

/// <summary>副驾也要 / 后排也开一下: the same request for another position.</summary>
public sealed record AlsoFollowUp(string? Position) : FollowUp;

/// <summary>第二个 / 就去第一家: pick from the list the assistant just offered (1-based).</summary>
public sealed record SelectFollowUp(int Index) : FollowUp;

/// <summary>换一批 / 还有别的吗: the next choices of the list the assistant just offered.</summary>
public sealed record MoreChoicesFollowUp : FollowUp;

/// <summary>确定 / 好的: yes to the question the assistant just asked.</summary>
public sealed record ConfirmFollowUp : FollowUp;

/// <summary>导航 / 我要打电话: a request without what it needs; the dialogue asks (您要去哪里？) and takes the answer.</summary>
public sealed record MissingValueFollowUp(string IntentName) : FollowUp;
