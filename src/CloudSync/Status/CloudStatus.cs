using Car.CloudSync.Connection;
using Car.CloudSync.Contract.V1;
using Car.CloudSync.Events;
using Car.CloudSync.Recommendations;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Car.CloudSync.Status;

/// <summary>
/// The cloud link as it stands: a cheap call (an empty <c>ReportEvents</c>) within the call deadline says whether the
/// server answers and accepts the token; the outbox and the cache say what waits and how old the remembered answers are.
/// </summary>
public sealed class CloudStatus : ICloudStatus
{
    private readonly CloudConnection _connection;
    private readonly Outbox _outbox;
    private readonly AnswerCache _cache;
    private readonly CloudOptions _options;
    private readonly TimeProvider _timeProvider;

    internal CloudStatus(CloudConnection connection, Outbox outbox, AnswerCache cache, IOptions<CloudOptions> options, TimeProvider timeProvider)
    {
        _connection = connection;
        _outbox = outbox;
        _cache = cache;
        _options = options.Value;
        _timeProvider = timeProvider;
    }

    public async Task<CloudStatusReport> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var problem = await ProbeAsync(cancellationToken).ConfigureAwait(false);
        var (count, oldest) = _outbox.Measure();
        var newest = _cache.Newest(_connection.VehicleId);
        var cacheAge = newest is null ? (TimeSpan?)null : _timeProvider.GetUtcNow() - newest.Value;
        return new CloudStatusReport(_connection.Endpoint, problem is null, problem, count, oldest, cacheAge);
    }

    private async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.CallDeadline);
        try
        {
            var probe = new ReportEventsRequest { VehicleId = _connection.VehicleId };
            await _connection.Events.ReportEventsAsync(probe, _connection.CallOptions(DateTime.UtcNow + _options.CallDeadline, timeout.Token))
                .ResponseAsync.ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"No answer from {_connection.Endpoint} within {_options.CallDeadline.TotalSeconds:0.###} s.";
        }
        catch (RpcException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return exception.StatusCode switch
            {
                StatusCode.Unavailable => $"Cannot reach {_connection.Endpoint}: {exception.Status.Detail}",
                StatusCode.DeadlineExceeded => $"No answer from {_connection.Endpoint} within {_options.CallDeadline.TotalSeconds:0.###} s.",
                StatusCode.Unauthenticated or StatusCode.PermissionDenied =>
                    $"{_connection.Endpoint} refused vehicle {_connection.VehicleId}'s token ({exception.StatusCode}).",
                _ => $"{_connection.Endpoint} answered {exception.StatusCode}: {exception.Status.Detail}",
            };
        }
    }
}
