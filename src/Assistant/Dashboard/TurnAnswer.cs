namespace Car.Assistant.Dashboard;

/// <summary>What <c>POST /api/turns</c> answers: an HTTP status and a JSON body (the turn report, or <c>{"error":…}</c>).</summary>
public sealed record TurnAnswer(int Status, string Json);
