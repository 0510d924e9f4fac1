using Car.CloudSync.Server.Maps;
using Car.CloudSync.Server.Maps.Amap;

namespace Car.CloudSync.Server.Tests.Maps.Amap;

public sealed class Gcj02Tests
{
    [Fact]
    public void ToWgs84_OfFromWgs84_ReturnsThePointWithinAMetre()
    {
        var wgs = new GeoCoordinate(30.2741, 120.1551);

        var gcj = Gcj02.FromWgs84(wgs);

        Assert.InRange(gcj.DistanceTo(wgs), 300, 700);
        Assert.InRange(Gcj02.ToWgs84(gcj).DistanceTo(wgs), 0, 1);
    }

    [Fact]
    public void FromWgs84_OutsideChina_Unchanged()
    {
        var paris = new GeoCoordinate(48.8566, 2.3522);

        Assert.Equal(paris, Gcj02.FromWgs84(paris));
    }
}
