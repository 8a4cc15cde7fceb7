using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Tests.Plan;

public class PlanCatalogTests
{
    private static readonly PlanCatalog _embedded = PlanCatalogLoader.LoadEmbedded();

    [Theory]
    [InlineData("U01", "520000", true)]
    [InlineData("U01", "520300", false)]
    [InlineData("U06", "522600", true)]
    [InlineData("U06", "520100", false)]
    [InlineData("U05", "520100", true)]
    [InlineData("U05", "520300", false)]
    [InlineData("U14", "520300", true)]
    [InlineData("U14", "520000", false)]
    [InlineData("N16", "520100", true)]
    [InlineData("N08", "520100", true)]
    [InlineData("N08", "520300", false)]
    [InlineData("U29", "520300", true)]
    [InlineData("U29", "520000", true)]
    [InlineData("N90", "520300", true)]
    [InlineData("N90", "520000", false)]
    [InlineData("N77", "520000", false)]
    [InlineData("N77", "520300", false)]
    [InlineData("N77", "Q01", false)]
    [InlineData("U14", "Q01", false)]
    public void IsReportedBy_SeedAggregation_AsksTheRightSubmitters(string code, string submitter, bool expected) =>
        Assert.Equal(expected, _embedded.IsReportedBy(_embedded.FindIndicator(code)!, submitter));

    [Fact]
    public void TargetsInForce_Seeds_NeverTwoPointsForOneMonth()
    {
        foreach (var key in _embedded.Targets.Select(t => (t.Indicator, t.Scope)).Distinct())
        {
            var dates = _embedded.TargetsInForce(key.Indicator, key.Scope).Select(t => t.Date).ToList();
            Assert.True(dates.Count == dates.Distinct().Count(), $"{key.Indicator} {key.Scope} has two in-force points for one month");
        }
    }

    [Fact]
    public void Relations_NotGiven_AreEmpty()
    {
        var catalog = new PlanCatalog([], [], []);
        Assert.Empty(catalog.Relations);
        Assert.Equal(20, _embedded.Relations.Count);
    }
}
