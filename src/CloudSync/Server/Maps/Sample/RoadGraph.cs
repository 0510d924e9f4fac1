using Car.CloudSync.Contract.V1;

namespace Car.CloudSync.Server.Maps.Sample;

/// <summary>The sample city's roads, routed with A* for each preference; alternatives by penalising roads already used.</summary>
internal sealed class RoadGraph
{
    private const double CitySpeedMps = 30 / 3.6;
    private readonly GeoCoordinate[] _nodes;
    private readonly List<RoadEdge>[] _out;
    private readonly double _maxSpeedMps;

    public RoadGraph(GeoCoordinate[] nodes, IEnumerable<RoadEdge> edges)
    {
        _nodes = nodes;
        _out = new List<RoadEdge>[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            _out[i] = [];
        }

        foreach (var edge in edges)
        {
            _out[edge.From].Add(edge);
        }

        _maxSpeedMps = _out.SelectMany(e => e).Max(e => e.FreeSpeedMps);
    }

    public int NodeCount => _nodes.Length;

    public IReadOnlyList<MapRoute> Plan(GeoCoordinate from, GeoCoordinate to, RoutePreference preference, int hour, int alternatives = 3)
    {
        var start = Nearest(from);
        var goal = Nearest(to);
        var penalties = new Dictionary<RoadEdge, double>();
        var found = new List<(List<RoadEdge> Edges, double Cost)>();
        for (var attempt = 0; attempt < alternatives + 2 && found.Count < alternatives; attempt++)
        {
            var edges = AStar(start, goal, preference, hour, penalties);
            if (edges is null)
            {
                break;
            }

            if (!found.Any(f => f.Edges.SequenceEqual(edges)))
            {
                found.Add((edges, edges.Sum(e => Cost(e, preference, hour))));
            }

            foreach (var edge in edges)
            {
                penalties[edge] = penalties.GetValueOrDefault(edge, 1) * 1.8;
            }
        }

        return [.. found.OrderBy(f => f.Cost).Select(f => ToRoute(from, to, start, f.Edges, hour))];
    }

    private static double Cost(RoadEdge edge, RoutePreference preference, int hour)
    {
        var seconds = edge.Seconds(hour);
        return preference switch
        {
            RoutePreference.AvoidCongestion => seconds * (1 + (3 * (1 - edge.SpeedRatio(hour)))),
            _ => seconds,
        };
    }

    private static bool Allowed(RoadEdge edge, RoutePreference preference) => preference switch
    {
        RoutePreference.NoHighway => !edge.IsHighway,
        RoutePreference.AvoidToll => !edge.IsToll,
        _ => true,
    };

    private List<RoadEdge>? AStar(int start, int goal, RoutePreference preference, int hour, Dictionary<RoadEdge, double> penalties)
    {
        var best = new double[_nodes.Length];
        Array.Fill(best, double.PositiveInfinity);
        var via = new RoadEdge?[_nodes.Length];
        var open = new PriorityQueue<int, double>();
        best[start] = 0;
        open.Enqueue(start, Heuristic(start, goal));
        while (open.TryDequeue(out var node, out var priority))
        {
            if (node == goal)
            {
                break;
            }

            if (priority > best[node] + Heuristic(node, goal) + 1e-9)
            {
                continue;
            }

            foreach (var edge in _out[node])
            {
                if (!Allowed(edge, preference))
                {
                    continue;
                }

                var cost = best[node] + (Cost(edge, preference, hour) * penalties.GetValueOrDefault(edge, 1));
                if (cost < best[edge.To])
                {
                    best[edge.To] = cost;
                    via[edge.To] = edge;
                    open.Enqueue(edge.To, cost + Heuristic(edge.To, goal));
                }
            }
        }

        if (double.IsPositiveInfinity(best[goal]))
        {
            return null;
        }

        var path = new List<RoadEdge>();
        for (var node = goal; node != start; node = via[node]!.From)
        {
            path.Add(via[node]!);
        }

        path.Reverse();
        return path;
    }

    // Straight line at the fastest free speed: never more than the real cost, so A* stays exact.
    private double Heuristic(int node, int goal) => _nodes[node].DistanceTo(_nodes[goal]) / _maxSpeedMps;

    private int Nearest(GeoCoordinate point)
    {
        var best = 0;
        var bestDistance = double.MaxValue;
        for (var i = 0; i < _nodes.Length; i++)
        {
            var d = _nodes[i].DistanceTo(point);
            if (d < bestDistance)
            {
                (best, bestDistance) = (i, d);
            }
        }

        return best;
    }

    private MapRoute ToRoute(GeoCoordinate from, GeoCoordinate to, int start, List<RoadEdge> edges, int hour)
    {
        var path = new List<GeoCoordinate> { from, _nodes[start] };
        path.AddRange(edges.Select(e => _nodes[e.To]));
        path.Add(to);
        var access = from.DistanceTo(_nodes[start]) + to.DistanceTo(path[^2]);
        var length = edges.Sum(e => e.LengthMeters);
        var seconds = edges.Sum(e => e.Seconds(hour)) + (access / CitySpeedMps);
        var ratio = length > 0 ? edges.Sum(e => e.SpeedRatio(hour) * e.LengthMeters) / length : 1;
        var roads = edges.GroupBy(e => e.Road).OrderByDescending(g => g.Sum(e => e.LengthMeters)).Take(3).Select(g => g.Key).ToHashSet();
        return new MapRoute(
            [.. edges.Select(e => e.Road).Distinct().Where(roads.Contains)],
            Math.Round(length + access),
            (int)Math.Round(seconds),
            ratio switch { > 0.75 => Congestion.Free, > 0.5 => Congestion.Slow, _ => Congestion.Jammed },
            edges.Any(e => e.IsHighway),
            edges.Any(e => e.IsToll),
            path);
    }
}
