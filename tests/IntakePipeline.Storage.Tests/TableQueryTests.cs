namespace IntakePipeline.Storage.Tests;

public sealed class TableQueryTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    public void PageSize_OutsideServiceRange_Throws(int size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TableQuery { PageSize = size });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    public void PageSize_WithinServiceRange_IsKept(int size)
    {
        Assert.Equal(size, new TableQuery { PageSize = size }.PageSize);
    }

    [Fact]
    public void Partition_KeyWithQuote_IsEscapedInTheFilter()
    {
        var query = TableQuery.Partition("O'Brien");

        Assert.Equal("PartitionKey eq 'O''Brien'", query.Filter);
    }
}
