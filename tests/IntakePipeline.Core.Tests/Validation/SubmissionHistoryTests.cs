using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Tests.Validation;

public class SubmissionHistoryTests
{
    [Fact]
    public void Empty_AnyIndicator_NoValues() => Assert.Empty(SubmissionHistory.Empty.For("U14"));

    [Fact]
    public void Constructor_UnorderedWithDuplicateMonth_SortedAndLaterWins()
    {
        var history = new SubmissionHistory(new Dictionary<string, IReadOnlyList<MonthlyValue>>
        {
            ["U14"] = [new(new YearMonth(2024, 5), 5.6), new(new YearMonth(2024, 3), 5.0), new(new YearMonth(2024, 5), 5.7)],
        });

        Assert.Equal([new(new YearMonth(2024, 3), 5.0), new MonthlyValue(new YearMonth(2024, 5), 5.7)], history.For("U14"));
    }

    [Fact]
    public void FromObservations_OneMonth_EachIndicatorHasThatMonth()
    {
        var month = new YearMonth(2024, 5);

        var history = SubmissionHistory.FromObservations(month, [new Observation("U14", 5.6, "万户"), new Observation("P01", 800, "公里")]);

        Assert.Equal([new MonthlyValue(month, 5.6)], history.For("U14"));
        Assert.Equal([new MonthlyValue(month, 800)], history.For("P01"));
        Assert.Equal(["P01", "U14"], history.Indicators.Order());
    }

    [Fact]
    public void FromObservations_DatedRows_GroupedAndSortedPerIndicator()
    {
        var history = SubmissionHistory.FromObservations(
        [
            (new YearMonth(2024, 5), new Observation("U14", 5.6, "万户")),
            (new YearMonth(2024, 4), new Observation("U14", 5.1, "万户")),
            (new YearMonth(2024, 4), new Observation("P01", 700, "公里")),
        ]);

        Assert.Equal([5.1, 5.6], history.For("U14").Select(v => v.Value));
        Assert.Equal([700.0], history.For("P01").Select(v => v.Value));
    }
}
