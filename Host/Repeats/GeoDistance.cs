namespace GridCase.Host.Repeats;

/// <summary>
/// Metres between two WGS 84 points on a sphere (haversine). The org tree's NetTopologySuite geometries are planar
/// degrees; a radius in metres needs the curved distance, and at a few hundred metres the sphere is exact enough.
/// </summary>
public static class GeoDistance
{
    private const double EarthRadiusMetres = 6_371_008.8;

    public static double Metres(double lat1, double lng1, double lat2, double lng2)
    {
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLng = Rad(lng2 - lng1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(dLng / 2), 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
