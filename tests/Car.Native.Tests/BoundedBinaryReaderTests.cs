namespace Car.Native.Tests;

public sealed class BoundedBinaryReaderTests
{
    [Fact]
    public void Reads_LittleEndianWithinTheFile()
    {
        var reader = new BoundedBinaryReader(new MemoryStream([1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0]), what => new InvalidDataException(what));

        Assert.Equal(1u, reader.ReadUInt32("a"));
        Assert.Equal(2UL, reader.ReadUInt64("b"));
        Assert.Equal(0, reader.Remaining);
    }

    [Fact]
    public void ReadOrSkipPastTheEnd_ThrowsTheCallersExceptionNamingTheField()
    {
        var reader = new BoundedBinaryReader(new MemoryStream([1, 2, 3]), what => new InvalidDataException(what));

        Assert.Equal("count", Assert.Throws<InvalidDataException>(() => reader.ReadUInt32("count")).Message);
        Assert.Equal("names", Assert.Throws<InvalidDataException>(() => reader.Skip(4, "names")).Message);
        Assert.Equal("back", Assert.Throws<InvalidDataException>(() => reader.Skip(-1, "back")).Message);
        Assert.Equal(3, reader.Remaining);
    }
}
