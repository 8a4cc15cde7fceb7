using System.Globalization;
using IntakePipeline.Storage;
using Microsoft.Playwright;

namespace IntakePipeline.Host.Tests.Dashboard;

/// <summary>
/// The three DAX measures of docs/power-bi.md, computed from the tables with the same filters (sent as OData, as the
/// connector's rows arrive after Power Query's filter), against the numbers the dashboard shows for 2024-06.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardPowerBiMeasuresTests(DashboardSite site)
{
    [Fact]
    public async Task BehindCount_FromScorecard_EqualsTheDashboardsBehindAndSeriouslyBehindCounts()
    {
        var behind = 0;
        await foreach (var row in site.Host.Tables.QueryAsync(site.Host.Names.Scorecard, new TableQuery { Filter = "PartitionKey eq '2024-06'" }))
        {
            behind += row.GetString("Status") is "Behind" or "SeriouslyBehind" ? 1 : 0;
        }

        var page = await OpenAsync("2024-06/index.html");
        var shown = await CountAsync(page, "Behind") + await CountAsync(page, "SeriouslyBehind");

        Assert.True(behind > 0);
        Assert.Equal(behind, shown);
    }

    [Fact]
    public async Task PrefecturesReported_FromAcceptedSubmissions_EqualsTheRollupsCompleteness()
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in site.Host.Tables.QueryAsync(site.Host.Names.Submissions, new TableQuery { Filter = "Status eq 'Accepted'" }))
        {
            if (row.RowKey.StartsWith("2024-06|", StringComparison.Ordinal) && row.PartitionKey != "520000")
            {
                reported.Add(row.PartitionKey);
            }
        }

        var page = await OpenAsync("2024-06/index.html");

        Assert.Equal($"已报 {reported.Count}/9", await page.Locator("tr.rollup .completeness").TextContentAsync());
    }

    [Fact]
    public async Task TargetInForce_FromPlanTargets_EqualsTheIndicatorPagesTarget()
    {
        double? target = null;
        await foreach (var row in site.Host.Tables.QueryAsync(site.Host.Names.PlanTargets, new TableQuery { Filter = "PartitionKey eq 'U14' and Superseded eq false" }))
        {
            if (row.RowKey.StartsWith("520300|2025-12|", StringComparison.Ordinal))
            {
                target = Math.Max(target ?? double.MinValue, row.GetDouble("Value")!.Value);
            }
        }

        var page = await OpenAsync("2024-06/indicator/U14.html");
        var shown = await page.Locator("#summary tr[data-scope='520300'] .target").TextContentAsync();

        Assert.Equal(10.5, target);
        Assert.StartsWith(target!.Value.ToString(CultureInfo.InvariantCulture) + "（2025-12）", shown, StringComparison.Ordinal);
    }

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await (await site.Browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(new Uri(site.Address, path).ToString());
        return page;
    }

    private static async Task<int> CountAsync(IPage page, string status) =>
        int.Parse((await page.Locator($"[data-count='{status}'] b").TextContentAsync())!, CultureInfo.InvariantCulture);
}
