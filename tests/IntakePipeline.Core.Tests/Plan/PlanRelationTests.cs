using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Tests.Plan;

public class PlanRelationTests
{
    [Fact]
    public void FormatSide_MixedSigns_WritesAsChecksCsv()
    {
        var terms = new[]
        {
            new PlanRelationTerm(false, "U07", "520000", new YearMonth(2025, 12)),
            new PlanRelationTerm(true, "U07", "520000", new YearMonth(2020, 12)),
            new PlanRelationTerm(false, "N20-2023-2025", "520100", new YearMonth(2025, 12)),
        };
        Assert.Equal("U07|520000|2025-12 - U07|520000|2020-12 + N20-2023-2025|520100|2025-12", PlanRelation.FormatSide(terms));
    }

    [Fact]
    public void FormatSide_LeadingNegation_KeepsSign() =>
        Assert.Equal("- U07|520000|2020-12", PlanRelation.FormatSide([new PlanRelationTerm(true, "U07", "520000", new YearMonth(2020, 12))]));
}
