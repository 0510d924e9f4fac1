using System.Net.Http;
using Grpc.Core;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Car.CloudSync.Connection;

/// <summary>
/// The resilience of a question the driver waits on: one overall deadline, retries with exponential backoff and jitter
/// on transient failures only while the deadline leaves room, and a circuit breaker so a dead server costs nothing
/// for a while. Every question of the contract is idempotent (Recommend*, PlanRoute), so each may be retried.
/// </summary>
internal static class QuestionPipeline
{
    /// <summary>When the whole question must be answered, cloud or fallback.</summary>
    public static readonly ResiliencePropertyKey<DateTimeOffset> Deadline = new("car.cloud.deadline");

    /// <summary>The caller's own token, to tell a driver who gave up from a server that did not answer.</summary>
    public static readonly ResiliencePropertyKey<CancellationToken> CallerToken = new("car.cloud.caller");

    public static ResiliencePipeline Build(CloudOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder { Name = "car-cloud-questions", TimeProvider = timeProvider };
        builder.AddTimeout(options.CallDeadline);
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception && IsTransient(exception)
                    && LeavesRoom(args.Context, args.AttemptNumber, options.RetryBaseDelay, timeProvider)),
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakDuration,
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is { } exception && IsOutage(exception, args.Context)),
        });
        return builder.Build();
    }

    /// <summary>A failure that another try may not meet: the server unreachable, the connection lost.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        RpcException { StatusCode: StatusCode.Unavailable } => true,
        RpcException { StatusCode: StatusCode.Internal or StatusCode.Unknown } rpc => IsConnectionFailure(rpc.InnerException),
        HttpRequestException or IOException => true,
        _ => false,
    };

    /// <summary>A failure that says the server is not serving (as opposed to an answer such as "not found").</summary>
    private static bool IsOutage(Exception exception, ResilienceContext context) => exception switch
    {
        RpcException rpc => rpc.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal
            or StatusCode.Unknown or StatusCode.ResourceExhausted,
        OperationCanceledException => !(context.Properties.TryGetValue(CallerToken, out var caller) && caller.IsCancellationRequested),
        HttpRequestException or IOException => true,
        _ => false,
    };

    private static bool IsConnectionFailure(Exception? exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException or IOException)
            {
                return true;
            }
        }

        return false;
    }

    // A retry is worth it only when its delay and a short call still fit before the driver's deadline.
    private static bool LeavesRoom(ResilienceContext context, int attempt, TimeSpan baseDelay, TimeProvider timeProvider)
    {
        if (!context.Properties.TryGetValue(Deadline, out var deadline))
        {
            return true;
        }

        var delay = baseDelay * Math.Pow(2, attempt);
        return deadline - timeProvider.GetUtcNow() > (delay * 1.5) + (baseDelay * 2);
    }
}
