using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Tests.Corpus;

/// <summary>
/// Every file of the hostile corpus, read and validated exactly as the pipeline does, held to its manifest entry: it
/// never throws, every issue explains itself, and an accepted file stores exactly the values it shows.
/// </summary>
public class HostileCorpusTests
{
    /// <summary>A hang guard only: the slowest file takes well under a second.</summary>
    private static readonly TimeSpan _hangGuard = TimeSpan.FromMinutes(2);

    private static readonly PlanCatalog _catalog = PlanCatalogLoader.LoadEmbedded();
    private static readonly SubmissionValidator _validator = new(_catalog, new ThresholdsOptions());
    private static readonly SubmissionReader _reader = new(new LimitsOptions());

    public static TheoryData<string> Files => [.. HostileCorpus.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ReadAndValidate_CorpusFile_MeetsItsManifestEntry(string name)
    {
        Assert.True(CorpusManifest.Entries.TryGetValue(name, out var expected), $"{name} has no manifest entry");
        var content = HostileCorpus.Find(name).Build();

        var report = await Task.Run(() => Validate(content, name, expected.Submitter)).WaitAsync(_hangGuard);

        Assert.All(report.Issues, issue =>
        {
            Assert.False(string.IsNullOrWhiteSpace(issue.Message), $"{issue.Code} has no message");
            Assert.DoesNotContain("第 0 行", issue.Message, StringComparison.Ordinal);
            Assert.True(issue.Count >= 1, $"{issue.Code} has count {issue.Count}");
        });
        var codes = report.Issues.Select(i => i.Code).ToHashSet();
        Assert.Subset(codes, (expected.Codes ?? []).ToHashSet());
        foreach (var code in expected.Once ?? [])
        {
            var flood = Assert.Single(report.Issues, i => i.Code == code);
            Assert.True(flood.Count > 1, $"{code} should stand for several rows");
        }

        if (expected.Issues is { } count)
        {
            Assert.Equal(count, report.Issues.Count);
        }

        // A file that could not be read at all gets the reason, not complaints about the columns it never had.
        if (report.RowCount == 0)
        {
            Assert.DoesNotContain(IssueCodes.MissingLabel, codes);
        }

        foreach (var text in expected.Mentions ?? [])
        {
            Assert.Contains(report.Issues, i => i.Message.Contains(text, StringComparison.Ordinal));
        }

        switch (expected.Outcome)
        {
            case "accepted":
                Assert.True(report.Accepted, Describe(report));
                AssertStored(expected, report);
                break;
            case "rejected":
                Assert.False(report.Accepted, "accepted with " + Describe(report));
                Assert.Empty(report.Observations);
                break;
            default:
                Assert.Equal("either", expected.Outcome);
                if (report.Accepted && expected.Stored is not null)
                {
                    AssertStored(expected, report);
                }

                break;
        }
    }

    [Fact]
    public void Manifest_ListsEveryCorpusFile_AndNoOther()
    {
        var generated = HostileCorpus.All.Select(f => f.Name).ToHashSet();

        Assert.Equal(generated.Count, HostileCorpus.All.Count);
        Assert.Equal(generated.Order(StringComparer.Ordinal), CorpusManifest.Entries.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Corpus_CoversEveryCategory_WithAtLeast120Files()
    {
        var categories = HostileCorpus.All.GroupBy(f => f.Name.Split('/')[0]).ToDictionary(g => g.Key, g => g.Count());

        Assert.InRange(HostileCorpus.All.Count, 120, int.MaxValue);
        Assert.Equal(["cells", "confusable", "csv", "fake", "injection", "json", "numbers", "xml", "zip"], categories.Keys.Order(StringComparer.Ordinal));
        Assert.All(categories, c => Assert.InRange(c.Value, 10, int.MaxValue));
    }

    [Fact]
    public void Manifest_AcceptedEntries_ListWhatIsStored()
    {
        Assert.All(
            CorpusManifest.Entries.Values.Where(e => e.Outcome == "accepted"),
            e => Assert.NotEmpty(e.Stored ?? new Dictionary<string, double>()));
    }

    internal static ValidationReport Validate(byte[] content, string name, string? submitter)
    {
        var table = _reader.Read(content, Path.GetFileName(name));
        var context = new SubmissionContext(submitter ?? HostileCorpus.DefaultSubmitter, HostileCorpus.Period, HostileCorpus.CurrentMonth, SubmissionHistory.Empty);
        return _validator.Validate(table, context);
    }

    private static void AssertStored(CorpusExpectation expected, ValidationReport report)
    {
        var stored = report.Observations.ToDictionary(o => o.Indicator, o => o.Value);
        Assert.Equal((expected.Stored ?? new Dictionary<string, double>()).OrderBy(p => p.Key, StringComparer.Ordinal), stored.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    private static string Describe(ValidationReport report) =>
        string.Join("; ", report.Issues.Select(i => $"{i.Code} r{i.Row} {i.Column}: {i.Message}"));
}
