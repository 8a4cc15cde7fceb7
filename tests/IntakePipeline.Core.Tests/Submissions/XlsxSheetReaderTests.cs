using IntakePipeline.Core.Submissions;

namespace IntakePipeline.Core.Tests.Submissions;

public class XlsxSheetReaderTests
{
    [Theory]
    [InlineData("A1", 0)]
    [InlineData("B12", 1)]
    [InlineData("Z3", 25)]
    [InlineData("AA1", 26)]
    [InlineData("ab7", 27)]
    [InlineData("XFD1048576", 16383)]
    public void ParseColumn_CellReference_ReturnsZeroBasedColumn(string reference, int expected) =>
        Assert.Equal(expected, XlsxSheetReader.ParseColumn(reference));

    [Theory]
    [InlineData("")]
    [InlineData("A")]
    [InlineData("12")]
    [InlineData("1A")]
    [InlineData("A1B")]
    [InlineData("A-1")]
    [InlineData("XFE1")]
    [InlineData("ZZZZZZZZZZZZ1")]
    public void ParseColumn_NotAReference_ReturnsMinusOne(string reference) =>
        Assert.Equal(-1, XlsxSheetReader.ParseColumn(reference));
}
