using Car.Assistant.Dialogue;
using Car.Speech.Capture;
using Microsoft.AspNetCore.Http;

namespace Car.Assistant.Dashboard;

/// <summary>
/// The voice session's talk button on the dashboard: <c>GET /api/talk</c> reads it (<c>{"mode":…,"held":…}</c>),
/// <c>POST /api/talk</c> presses it, <c>DELETE /api/talk</c> releases it, and every change (a press, a release, the
/// VAD ending the utterance, a session starting or ending) is a <c>talk</c> event with the same object. The mode is
/// <c>pushToTalk</c>, <c>always</c> (no button: 409) or <c>off</c> (no voice session: 409).
/// </summary>
public sealed class TalkFeed : IDisposable
{
    /// <summary>The 409 message while the session listens all the time.</summary>
    public const string AlwaysListening =
        "the car is always listening (Capture:Mode=Always): there is no talk button to press; start it with --set Capture:Mode=PushToTalk";

    /// <summary>The 409 message while no voice session runs.</summary>
    public const string NoVoiceSession =
        "no voice session listens to a microphone: start car serve --listen --set Capture:Mode=PushToTalk";

    private readonly TalkButton _talk;
    private readonly DashboardEvents _events;

    public TalkFeed(TalkButton talk, DashboardEvents events)
    {
        _talk = talk;
        _events = events;
        _talk.Changed += Publish;
    }

    /// <summary>The button as JSON: <c>{"mode":"pushToTalk","held":true}</c>.</summary>
    public string Json =>
        $$"""{"mode":"{{_talk.Mode switch { ListeningMode.PushToTalk => "pushToTalk", ListeningMode.Always => "always", _ => "off" }}}","held":{{(_talk.IsHeld ? "true" : "false")}}}""";

    /// <summary>Presses (<paramref name="held"/> true) or releases the button; 409 when there is none.</summary>
    public TurnAnswer Set(bool held)
    {
        switch (_talk.Mode)
        {
            case null:
                return DashboardSession.Error(StatusCodes.Status409Conflict, NoVoiceSession);
            case ListeningMode.Always:
                return DashboardSession.Error(StatusCodes.Status409Conflict, AlwaysListening);
        }

        if (held)
        {
            _talk.Button.Press();
        }
        else
        {
            _talk.Button.Release();
        }

        return new TurnAnswer(StatusCodes.Status200OK, Json);
    }

    public void Dispose() => _talk.Changed -= Publish;

    private void Publish() => _events.Publish("talk", Json);
}
