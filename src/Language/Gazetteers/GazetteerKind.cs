namespace Car.Language.Gazetteers;

/// <summary>What a name in a gazetteer is: whom the car can call, what it can play, where the driver goes.</summary>
public enum GazetteerKind
{
    Contact,
    Artist,
    Title,
    Album,
    Place,
}
