namespace IntakePipeline.Storage.Tests;

public sealed class TableRowTests
{
    [Fact]
    public void Indexer_DateTimeOffsetWithOffset_IsStoredInUtc()
    {
        var row = new TableRow("p", "r") { ["At"] = new DateTimeOffset(2024, 6, 10, 23, 59, 59, TimeSpan.FromHours(8)) };

        var stored = row.GetDateTimeOffset("At");

        Assert.Equal(TimeSpan.Zero, stored!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2024, 6, 10, 15, 59, 59, TimeSpan.Zero), stored);
    }

    [Theory]
    [MemberData(nameof(UnsupportedValues))]
    public void Indexer_UnsupportedType_ThrowsArgumentException(object value)
    {
        var row = new TableRow("p", "r");

        Assert.Throws<ArgumentException>(() => row["X"] = value);
    }

    public static TheoryData<object> UnsupportedValues() =>
        new() { 1.5m, 1.5f, DateTime.UtcNow, Guid.Empty, new byte[] { 1 }, (short)1 };

    [Theory]
    [InlineData("PartitionKey")]
    [InlineData("RowKey")]
    [InlineData("Timestamp")]
    [InlineData("ETag")]
    public void Indexer_SystemPropertyName_ThrowsArgumentException(string name)
    {
        var row = new TableRow("p", "r");

        Assert.Throws<ArgumentException>(() => row[name] = "x");
    }

    [Fact]
    public void Indexer_SetNull_RemovesTheProperty()
    {
        var row = new TableRow("p", "r") { ["Note"] = "x" };

        row["Note"] = null;

        Assert.Empty(row.Properties);
    }

    [Fact]
    public void GetDouble_IntegerProperty_Widens()
    {
        var row = new TableRow("p", "r") { ["I"] = 7, ["L"] = 8L };

        Assert.Equal(7.0, row.GetDouble("I"));
        Assert.Equal(8.0, row.GetDouble("L"));
        Assert.Equal(7L, row.GetInt64("I"));
    }

    [Fact]
    public void GetInt32_DoubleProperty_ThrowsInvalidCast()
    {
        var row = new TableRow("p", "r") { ["Value"] = 7.0 };

        Assert.Throws<InvalidCastException>(() => row.GetInt32("Value"));
    }

    [Fact]
    public void Getters_MissingProperty_ReturnNull()
    {
        var row = new TableRow("p", "r");

        Assert.Null(row.GetString("X"));
        Assert.Null(row.GetBoolean("X"));
        Assert.Null(row.GetDouble("X"));
    }

    [Theory]
    [InlineData("a/b", "r")]
    [InlineData("p", "r#1")]
    [InlineData("", "r")]
    public void Constructor_InvalidKey_ThrowsArgumentException(string partitionKey, string rowKey)
    {
        Assert.ThrowsAny<ArgumentException>(() => new TableRow(partitionKey, rowKey));
    }
}
