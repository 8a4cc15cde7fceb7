namespace IntakePipeline.Pipeline.Tests;

public sealed class TableNamesTests
{
    [Fact]
    public void All_Defaults_AreTheDocumentedNames()
    {
        var names = new TableNames();

        Assert.Equal(
            ["PlanIndicators", "PlanTargets", "Submissions", "Observations", "ValidationIssues", "Scorecard", "ScorecardLatest", "Alerts", "Outbox", "BlobReceipts", "Poison", "Installation"],
            names.All);
    }
}
