using System.Text;
using IntakePipeline.Core;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Host.Standalone;
using IntakePipeline.Host.Tests.Cli;

namespace IntakePipeline.Host.Tests.Standalone;

public sealed class SampleMonthsTests
{
    private static readonly SampleMonths _months = SampleMonths.EndingAt([new YearMonth(2024, 6), new YearMonth(2024, 5), new YearMonth(2024, 6)], new YearMonth(2024, 7));

    [Fact]
    public void EndingAt_TwoMonths_ShiftsBothSoTheLatestIsTheTarget()
    {
        Assert.Equal([new YearMonth(2024, 5), new YearMonth(2024, 6)], _months.Recorded);
        Assert.Equal([new YearMonth(2024, 6), new YearMonth(2024, 7)], _months.Shown);
        Assert.Equal(new YearMonth(2024, 6), _months.Relabel(new YearMonth(2024, 5)));
    }

    [Theory]
    [InlineData("遵义市-2024-06.csv", "遵义市-2024-07.csv")]
    [InlineData("a,2024-05,2024-06,2024-04", "a,2024-06,2024-07,2024-04")]
    public void Relabel_Text_EachMonthMovesOnce(string text, string expected)
    {
        Assert.Equal(expected, _months.Relabel(text));
        Assert.Equal(expected, Encoding.UTF8.GetString(_months.Relabel(Encoding.UTF8.GetBytes(text), ".csv")));
    }

    [Fact]
    public void Relabel_BundledXlsx_ReadsWithTheNewPeriod()
    {
        var content = _months.Relabel(File.ReadAllBytes(CliRun.Sample("2024-06/贵阳市-2024-06.xlsx")), ".xlsx");

        var table = new SubmissionReader().Read(content, "贵阳市-2024-07.xlsx");

        var period = table.Headers.ToList().IndexOf("期间");
        Assert.NotEmpty(table.Rows);
        Assert.All(table.Rows, row => Assert.Equal("2024-07", row.Cells[period].Text));
    }
}
