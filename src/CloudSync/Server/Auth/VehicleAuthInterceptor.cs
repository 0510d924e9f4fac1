using System.Security.Cryptography;
using System.Text;
using Car.CloudSync.Contract.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;

namespace Car.CloudSync.Server.Auth;

/// <summary>
/// Every call names a vehicle and carries <c>authorization: Bearer &lt;token&gt;</c>; the token must be that vehicle's.
/// No token or an unknown one: UNAUTHENTICATED. Another vehicle's token: PERMISSION_DENIED.
/// </summary>
internal sealed class VehicleAuthInterceptor : Interceptor
{
    private readonly Dictionary<string, byte[]> _tokens;

    public VehicleAuthInterceptor(IOptions<VehicleAuthOptions> options)
    {
        _tokens = options.Value.VehicleTokens.ToDictionary(p => p.Key, p => Encoding.UTF8.GetBytes(p.Value), StringComparer.Ordinal);
    }

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(VehicleIdOf(request), context);
        return continuation(request, context);
    }

    internal static string VehicleIdOf(object request) => request switch
    {
        RecommendPlacesRequest r => r.Vehicle?.VehicleId ?? "",
        PlanRouteRequest r => r.Vehicle?.VehicleId ?? "",
        RecommendTripRequest r => r.Vehicle?.VehicleId ?? "",
        ReportEventsRequest r => r.VehicleId,
        _ => "",
    };

    private void Authorize(string vehicleId, ServerCallContext context)
    {
        if (string.IsNullOrEmpty(vehicleId))
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.InvalidArgument, "The request names no vehicle."));
        }

        if (_tokens.Count == 0)
        {
            return;
        }

        var header = context.RequestHeaders.GetValue("authorization");
        const string Scheme = "Bearer ";
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.Unauthenticated, "A bearer token is required."));
        }

        var presented = Encoding.UTF8.GetBytes(header.AsSpan(Scheme.Length).Trim().ToString());
        if (_tokens.TryGetValue(vehicleId, out var expected) && CryptographicOperations.FixedTimeEquals(presented, expected))
        {
            return;
        }

        foreach (var token in _tokens.Values)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, token))
            {
                throw new RpcException(new Grpc.Core.Status(StatusCode.PermissionDenied, "The token is not this vehicle's."));
            }
        }

        throw new RpcException(new Grpc.Core.Status(StatusCode.Unauthenticated, "The token is not known."));
    }
}
