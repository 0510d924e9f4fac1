using Car.Assistant.Policy;

namespace Car.Assistant.Dialogue;

/// <summary>
/// The reply written from what the car did, never from what was planned: a step's own reply only when all its
/// targets were confirmed; otherwise what happened (not allowed now, refused by the car, stopped short or did not
/// move, no answer, not there yet).
/// </summary>
public static class OutcomeReply
{
    /// <param name="steps">The decided steps, in order.</param>
    /// <param name="results">The results of their actions, in the same order (as the executor returns them).</param>
    public static IReadOnlyList<string> For(IReadOnlyList<DecidedStep> steps, IReadOnlyList<ActionResult> results)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(results);
        var replies = new List<string>();
        var next = 0;
        foreach (var step in steps)
        {
            var mine = results.Skip(next).Take(step.Actions.Count).ToList();
            next += step.Actions.Count;
            var reply = Of(step, mine);
            if (reply.Length > 0)
            {
                replies.Add(reply);
            }
        }

        return replies;
    }

    /// <summary>What the driver hears as soon as the car accepts the actions: each step's own reply.</summary>
    public static string Acknowledgement(IReadOnlyList<DecidedStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return string.Join("；", steps.Select(s => s.Reply).Where(r => r.Length > 0));
    }

    /// <summary>After an acknowledgement: the outcome of the steps the car did not confirm, or null when it confirmed all.</summary>
    public static string? Correction(IReadOnlyList<DecidedStep> steps, IReadOnlyList<ActionResult> results)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(results);
        var corrections = new List<string>();
        var next = 0;
        foreach (var step in steps)
        {
            var mine = results.Skip(next).Take(step.Actions.Count).ToList();
            next += step.Actions.Count;
            if (!mine.All(r => r.Confirmed))
            {
                corrections.Add(Of(step, mine));
            }
        }

        return corrections.Count > 0 ? string.Join("；", corrections) : null;
    }

    private static string Of(DecidedStep step, IReadOnlyList<ActionResult> results)
    {
        if (results.All(r => r.Confirmed))
        {
            return step.Reply;
        }

        var done = results.Count(r => r.Confirmed);
        var prefix = done > 0 ? "只完成了一部分：" : "抱歉，";
        if (results.FirstOrDefault(r => r.Status == ActionStatus.Blocked) is { } blocked)
        {
            return prefix + blocked.Error;
        }

        if (results.FirstOrDefault(r => r.Status == ActionStatus.Rejected) is { } rejected)
        {
            return $"{prefix}车辆拒绝了这个操作（{rejected.Error}）";
        }

        // Where the car itself says what happened (stopped short, did not move, lost its controller), say that.
        if (results.FirstOrDefault(r => r.Status is ActionStatus.PartlyDone or ActionStatus.NotDone && r.Error is not null) is { } undone)
        {
            return prefix + undone.Error;
        }

        if (results.Any(r => r.Status == ActionStatus.Failed))
        {
            return $"{prefix}车辆没有响应，这个操作没有完成";
        }

        return $"{prefix}指令已发出，但车辆还没有确认到位";
    }
}
