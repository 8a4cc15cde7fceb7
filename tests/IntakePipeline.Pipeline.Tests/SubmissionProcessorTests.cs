using System.Text;
using System.Text.Json;
using IntakePipeline.Core;
using IntakePipeline.Pipeline.Tests.Fixtures;
using IntakePipeline.Testing;

namespace IntakePipeline.Pipeline.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class SubmissionProcessorTests(AzuriteServer azurite)
{
    private const string Zunyi = "520300";

    private static readonly (string, string, string)[] _fileA = [("U14", "5", "万户"), ("U15", "400", "条"), ("U10", "55", "万户")];

    private static readonly (string, string, string)[] _fileB = [("U14", "5.5", "万户"), ("U10", "56", "万户")];

    [Fact]
    public async Task HandleAsync_AcceptedGb18030Csv_WritesTypedRowsInEveryTable()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);
        var name = TestPipeline.UniqueFile("2024-06", "遵义-6月", "csv");
        var blob = await pipeline.UploadAsync(Zunyi, name, SubmissionFiles.Gb18030Csv(_fileA));

        var outcome = await pipeline.Handler.HandleAsync(blob);

        Assert.Equal(SubmissionOutcomeKind.Accepted, outcome.Kind);
        Assert.Equal(Zunyi, outcome.Submitter);
        Assert.Equal(new YearMonth(2024, 6), outcome.Period);
        Assert.Equal(3, outcome.RowCount);
        Assert.Equal(0, outcome.ErrorCount);
        Assert.Matches("^[0-9a-f]{16}$", outcome.CorrelationId);
        Assert.Matches(@"^\d{8}T\d{6}Z-[0-9a-f]{12}$", outcome.SubmissionId!);
        Assert.True(outcome.EntitiesWritten >= 3 + 3 + 3 + 1);

        var observation = await pipeline.RowAsync(pipeline.Names.Observations, Zunyi, "U14|2024-06");
        Assert.NotNull(observation);
        Assert.IsType<double>(observation["Value"]);
        Assert.Equal(5.0, observation.GetDouble("Value"));
        Assert.Equal("万户", observation.GetString("Unit"));
        Assert.Equal(outcome.SubmissionId, observation.GetString("SubmissionId"));

        // 遵义 U14: 10.5万户 by 2025-12, cumulative from 2021-01; expected at 2024-06 is 10.5 × 42/60 = 7.35.
        var scorecard = await pipeline.RowAsync(pipeline.Names.Scorecard, "2024-06", "520300|U14");
        Assert.NotNull(scorecard);
        Assert.Equal(5.0, (double)scorecard["Actual"]!);
        Assert.Equal(7.35, (double)scorecard["Expected"]!, 6);
        Assert.Equal(10.5, (double)scorecard["Target"]!);
        Assert.Equal("2025-12", scorecard["TargetDate"]);
        Assert.IsType<double>(scorecard["Lag"]);
        Assert.Equal("SeriouslyBehind", scorecard["Status"]);
        Assert.IsType<string>(scorecard["Source"]);
        Assert.Null(scorecard["ReportedCount"]);

        var latest = await pipeline.RowAsync(pipeline.Names.ScorecardLatest, Zunyi, "U14");
        Assert.NotNull(latest);
        Assert.Equal("2024-06", latest["Period"]);
        Assert.Equal("SeriouslyBehind", latest["Status"]);

        var rollup = await pipeline.RowAsync(pipeline.Names.Scorecard, "2024-06", "520000|U14");
        Assert.NotNull(rollup);
        Assert.Equal(5.0, (double)rollup["Actual"]!);
        Assert.Equal(1, (int)rollup["ReportedCount"]!);
        Assert.Equal(9, (int)rollup["ExpectedCount"]!);
        Assert.True((bool)rollup["Partial"]!);

        var submission = await pipeline.RowAsync(pipeline.Names.Submissions, Zunyi, "2024-06|" + outcome.SubmissionId);
        Assert.NotNull(submission);
        Assert.Equal("Accepted", submission["Status"]);
        Assert.Equal(name, submission["BlobName"]);
        Assert.Matches("^[0-9a-f]{64}$", (string)submission["ContentSha256"]!);
        Assert.IsType<DateTimeOffset>(submission["ReceivedAt"]);
        Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)submission["ReceivedAt"]!).Offset);
        Assert.IsType<DateTimeOffset>(submission["ProcessedAt"]);
        Assert.Equal(true, submission["Late"]);
        Assert.Equal(3, submission["RowCount"]);
        Assert.Equal(0, submission["ErrorCount"]);
        Assert.Equal(0, submission["WarningCount"]);
        Assert.Equal("GB18030", submission["Encoding"]);
        Assert.Equal(outcome.CorrelationId, submission["CorrelationId"]);
        Assert.Equal($"reports-{Zunyi}/{name}.report.json", submission["ReportBlob"]);
        Assert.Equal("""{"U14":5,"U15":400,"U10":55}""", submission["Values"]);

        var json = await pipeline.Blobs.GetAsync("reports-" + Zunyi, name + ".report.json");
        Assert.NotNull(json);
        using var document = JsonDocument.Parse(json.Content);
        Assert.Equal(Zunyi, document.RootElement.GetProperty("submitter").GetString());
        Assert.Equal("2024-06", document.RootElement.GetProperty("period").GetString());
        Assert.Equal(outcome.SubmissionId, document.RootElement.GetProperty("submissionId").GetString());
        Assert.Equal(outcome.CorrelationId, document.RootElement.GetProperty("correlationId").GetString());
        Assert.Equal("accepted", document.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(3, document.RootElement.GetProperty("observations").GetArrayLength());

        var html = await pipeline.Blobs.GetAsync("reports-" + Zunyi, name + ".report.html");
        Assert.NotNull(html);
        Assert.StartsWith("text/html", html.Info.ContentType, StringComparison.Ordinal);
        var page = Encoding.UTF8.GetString(html.Content.Span);
        Assert.Contains("遵义", page, StringComparison.Ordinal);
        Assert.Contains(outcome.SubmissionId!, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_RejectedXlsx_WritesIssuesAndReportButNoObservations()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);
        var name = TestPipeline.UniqueFile("2024-06", "遵义-6月", "xlsx");

        var outcome = await pipeline.UploadAndHandleAsync(Zunyi, name, SubmissionFiles.Xlsx(("U14", "5", "万户"), ("U15", "四百", "条"), ("=cmd", "1", "条")));

        Assert.Equal(SubmissionOutcomeKind.Rejected, outcome.Kind);
        Assert.True(outcome.ErrorCount >= 2);
        var issues = await pipeline.RowsAsync(pipeline.Names.ValidationIssues, outcome.SubmissionId);
        Assert.Equal(outcome.ErrorCount + outcome.WarningCount, issues.Count);
        Assert.Equal("0001", issues[0].RowKey);
        var typeError = Assert.Single(issues, i => (string?)i["Code"] == "type-error");
        Assert.Equal("error", typeError["Severity"]);
        Assert.Equal(3, typeError["Row"]);
        Assert.Equal("数值", typeError["Column"]);
        Assert.Equal("四百", typeError["Value"]);
        Assert.Contains("四百", (string)typeError["Message"]!, StringComparison.Ordinal);
        Assert.All(issues, i => Assert.False(((string?)i["Value"])?.StartsWith('=') ?? false));
        Assert.Empty(await pipeline.RowsAsync(pipeline.Names.Observations));
        Assert.Empty(await pipeline.RowsAsync(pipeline.Names.Scorecard));
        var submission = Assert.Single(await pipeline.RowsAsync(pipeline.Names.Submissions));
        Assert.Equal("Rejected", submission["Status"]);
        Assert.Null(submission["Encoding"]);
        var json = await pipeline.Blobs.GetAsync("reports-" + Zunyi, name + ".report.json");
        Assert.NotNull(json);
        using var document = JsonDocument.Parse(json.Content);
        Assert.Equal("rejected", document.RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task HandleAsync_IdenticalReupload_ReturnsUnchangedAndWritesNothing()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);
        var content = SubmissionFiles.Gb18030Csv(_fileA);
        var first = await pipeline.UploadAndHandleAsync(Zunyi, TestPipeline.UniqueFile("2024-06", "遵义", "csv"), content);
        var before = await TableDump.OfAsync(pipeline.RealTables, pipeline.Names);

        var second = await pipeline.UploadAndHandleAsync(Zunyi, TestPipeline.UniqueFile("2024-06", "遵义-重传", "csv"), content);

        Assert.Equal(SubmissionOutcomeKind.Accepted, first.Kind);
        Assert.Equal(SubmissionOutcomeKind.Unchanged, second.Kind);
        Assert.Equal(0, second.EntitiesWritten);
        Assert.Equal(before, await TableDump.OfAsync(pipeline.RealTables, pipeline.Names));
    }

    [Fact]
    public async Task HandleAsync_CorrectedReupload_SupersedesAndReplacesThePeriod()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);
        var name = TestPipeline.UniqueFile("2024-06", "遵义", "csv");
        var first = await pipeline.UploadAndHandleAsync(Zunyi, name, SubmissionFiles.Gb18030Csv(_fileA));

        var second = await pipeline.UploadAndHandleAsync(Zunyi, name, SubmissionFiles.Gb18030Csv(_fileB));

        Assert.Equal(SubmissionOutcomeKind.Accepted, second.Kind);
        var submissions = await pipeline.RowsAsync(pipeline.Names.Submissions, Zunyi);
        Assert.Equal(2, submissions.Count);
        Assert.Equal("Superseded", submissions.Single(s => s.RowKey.EndsWith(first.SubmissionId!, StringComparison.Ordinal))["Status"]);
        Assert.Equal("Accepted", submissions.Single(s => s.RowKey.EndsWith(second.SubmissionId!, StringComparison.Ordinal))["Status"]);
        var observations = await pipeline.RowsAsync(pipeline.Names.Observations, Zunyi);
        Assert.Equal(["U10|2024-06", "U14|2024-06"], observations.Select(o => o.RowKey));
        Assert.Equal(5.5, observations[1].GetDouble("Value"));
        Assert.All(observations, o => Assert.Equal(second.SubmissionId, o["SubmissionId"]));
        var scorecard = await pipeline.RowsAsync(pipeline.Names.Scorecard, "2024-06");
        Assert.DoesNotContain(scorecard, r => r.RowKey == "520300|U15");
        Assert.Contains(scorecard, r => r.RowKey == "520300|U14");
        var rollupU15 = Assert.Single(scorecard, r => r.RowKey == "520000|U15");
        Assert.Equal(0, rollupU15["ReportedCount"]);
        Assert.Null(rollupU15["Actual"]);
        Assert.Null(await pipeline.RowAsync(pipeline.Names.ScorecardLatest, Zunyi, "U15"));
    }

    [Fact]
    public async Task HandleAsync_RevertToEarlierContent_MakesItCurrentAgain()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);
        var name = TestPipeline.UniqueFile("2024-06", "遵义", "xlsx");
        var first = await pipeline.UploadAndHandleAsync(Zunyi, name, SubmissionFiles.Xlsx(_fileA));
        var second = await pipeline.UploadAndHandleAsync(Zunyi, name, SubmissionFiles.Xlsx(_fileB));

        var third = await pipeline.UploadAndHandleAsync(Zunyi, name, SubmissionFiles.Xlsx(_fileA));

        Assert.Equal(SubmissionOutcomeKind.Accepted, third.Kind);
        var status = (await pipeline.RowsAsync(pipeline.Names.Submissions, Zunyi)).ToDictionary(s => s.RowKey[8..], s => (string?)s["Status"]);
        Assert.Equal("Superseded", status[second.SubmissionId!]);
        Assert.Equal("Accepted", status[third.SubmissionId!]);

        // Within one second the same bytes get the same id (docs/tables.md), and then A's row is simply current again.
        Assert.Equal(first.SubmissionId == third.SubmissionId ? 2 : 3, status.Count);
        var observations = await pipeline.RowsAsync(pipeline.Names.Observations, Zunyi);
        Assert.Equal(["U10|2024-06", "U14|2024-06", "U15|2024-06"], observations.Select(o => o.RowKey));
        Assert.Equal(5.0, observations[1].GetDouble("Value"));
        Assert.NotNull(await pipeline.RowAsync(pipeline.Names.Scorecard, "2024-06", "520300|U15"));
    }

    [Theory]
    [InlineData("遵义-说明.txt")]
    [InlineData("2024-06/子目录/遵义.csv")]
    [InlineData("2024-6/遵义.csv")]
    [InlineData("2024-06/遵义.docx")]
    public async Task HandleAsync_NotASubmission_WritesItsReportAndANoneRowOnly(string stem)
    {
        // 20 July 2024 in Shanghai: June's deadline has passed, so July is the month being collected.
        var pipeline = await TestPipeline.CreateAsync(azurite, now: new DateTimeOffset(2024, 7, 20, 9, 0, 0, TimeSpan.FromHours(8)));
        var name = Guid.NewGuid().ToString("N")[..8] + "/" + stem;
        name = stem.StartsWith("20", StringComparison.Ordinal) ? stem.Replace("遵义", "遵义-" + Guid.NewGuid().ToString("N")[..8], StringComparison.Ordinal) : name;

        var outcome = await pipeline.UploadAndHandleAsync(Zunyi, name, Encoding.UTF8.GetBytes("指标代码,数值\nU14,5\n"));

        Assert.Equal(SubmissionOutcomeKind.NotASubmission, outcome.Kind);
        Assert.Matches(@"^\d{8}T\d{6}Z-[0-9a-f]{12}$", outcome.SubmissionId!);
        Assert.Null(outcome.Period);
        Assert.Equal("not-a-submission", Assert.Single(outcome.Issues).Code);
        var row = Assert.Single(await pipeline.RowsAsync(pipeline.Names.Submissions));
        Assert.Equal(Zunyi, row.PartitionKey);
        Assert.Equal("none|" + outcome.SubmissionId, row.RowKey);
        Assert.Equal("NotASubmission", row.GetString("Status"));
        Assert.Equal(name, row.GetString("BlobName"));
        Assert.Equal(1, row.GetInt32("ErrorCount"));
        Assert.Equal($"reports-{Zunyi}/{name}.report.json", row.GetString("ReportBlob"));
        Assert.NotNull(row.GetDateTimeOffset("ReceivedAt"));
        Assert.Empty(await pipeline.RowsAsync(pipeline.Names.ValidationIssues));
        Assert.Empty(await pipeline.RowsAsync(pipeline.Names.Observations));
        var json = await pipeline.Blobs.GetAsync("reports-" + Zunyi, name + ".report.json");
        Assert.NotNull(json);
        using var document = JsonDocument.Parse(json.Content);
        Assert.Equal(outcome.SubmissionId, document.RootElement.GetProperty("submissionId").GetString());
        var issue = Assert.Single(document.RootElement.GetProperty("issues").EnumerateArray());
        Assert.Equal("not-a-submission", issue.GetProperty("code").GetString());
        Assert.Equal(name, issue.GetProperty("value").GetString());
        Assert.Contains("intake-520300/yyyy-MM/文件名", issue.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("例如 2024-07 的数据应放在 intake-520300/2024-07/", issue.GetProperty("message").GetString(), StringComparison.Ordinal);
        var html = await pipeline.Blobs.GetAsync("reports-" + Zunyi, name + ".report.html");
        Assert.NotNull(html);
        var page = Encoding.UTF8.GetString(html.Content.Span);
        Assert.Contains("移到（或重新上传到）正确的期间目录", page, StringComparison.Ordinal);
        Assert.DoesNotContain("同一目录", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_NotASubmissionProcessedTwice_OneRowWithTheSameKey()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);
        var blob = await pipeline.UploadAsync(Zunyi, $"{Guid.NewGuid():N}.csv", Encoding.UTF8.GetBytes("指标代码,数值\nU14,5\n"));

        var first = await pipeline.Handler.HandleAsync(blob);
        var second = await pipeline.Handler.HandleAsync(blob);

        Assert.Equal(first.SubmissionId, second.SubmissionId);
        Assert.Equal("none|" + first.SubmissionId, Assert.Single(await pipeline.RowsAsync(pipeline.Names.Submissions)).RowKey);
    }

    [Fact]
    public async Task HandleAsync_BlobOutsideIntakeContainers_WritesNothing()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);
        var name = TestPipeline.UniqueFile("2024-06", "遵义", "csv");
        var written = await pipeline.Blobs.PutAsync("reports-" + Zunyi, name, SubmissionFiles.Utf8Csv(_fileA));

        var outcome = await pipeline.Handler.HandleAsync(new BlobVersion("reports-" + Zunyi, name, written.ETag));

        Assert.Equal(SubmissionOutcomeKind.NotASubmission, outcome.Kind);
        Assert.Null(outcome.Submitter);
        Assert.Null(await pipeline.Blobs.GetPropertiesAsync("reports-" + Zunyi, name + ".report.json"));
    }

    [Fact]
    public async Task HandleAsync_OlderVersion_ReturnsStaleAndWritesNothing()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);
        var name = TestPipeline.UniqueFile("2024-06", "遵义", "csv");
        var old = await pipeline.UploadAsync(Zunyi, name, SubmissionFiles.Utf8Csv(_fileA));
        await pipeline.UploadAsync(Zunyi, name, SubmissionFiles.Utf8Csv(_fileB));

        var outcome = await pipeline.Handler.HandleAsync(old);

        Assert.Equal(SubmissionOutcomeKind.Stale, outcome.Kind);
        Assert.Empty(await pipeline.RowsAsync(pipeline.Names.Submissions));
    }

    [Fact]
    public async Task HandleAsync_UnquotedETagOfTheCurrentVersion_IsProcessed()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);
        var blob = await pipeline.UploadAsync(Zunyi, TestPipeline.UniqueFile("2024-06", "遵义", "csv"), SubmissionFiles.Utf8Csv(_fileA));

        var outcome = await pipeline.Handler.HandleAsync(blob with { ETag = blob.ETag.Trim('"') });

        Assert.Equal(SubmissionOutcomeKind.Accepted, outcome.Kind);
    }

    [Fact]
    public async Task HandleAsync_DeletedBlob_ReturnsMissing()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);

        var outcome = await pipeline.Handler.HandleAsync(new BlobVersion("intake-" + Zunyi, TestPipeline.UniqueFile("2024-06", "不存在", "csv"), "\"0x1\""));

        Assert.Equal(SubmissionOutcomeKind.Missing, outcome.Kind);
        Assert.Equal(0, outcome.EntitiesWritten);
    }

    [Fact]
    public async Task HandleAsync_RollupOfThreeThenNinePrefectures_IsPartialThenComplete()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);
        var prefectures = Submitters.Prefectures.Select(p => p.Code).ToArray();
        var sum = 0.0;
        for (var i = 0; i < 3; i++)
        {
            sum += i + 1;
            await UploadU14Async(pipeline, prefectures[i], i + 1);
        }

        var partial = await pipeline.RowAsync(pipeline.Names.Scorecard, "2024-06", "520000|U14");
        Assert.NotNull(partial);
        Assert.Equal(sum, (double)partial["Actual"]!, 9);
        Assert.Equal(3, partial["ReportedCount"]);
        Assert.Equal(9, partial["ExpectedCount"]);
        Assert.Equal(true, partial["Partial"]);

        for (var i = 3; i < 9; i++)
        {
            sum += i + 1;
            await UploadU14Async(pipeline, prefectures[i], i + 1);
        }

        var complete = await pipeline.RowAsync(pipeline.Names.Scorecard, "2024-06", "520000|U14");
        Assert.NotNull(complete);
        Assert.Equal(45.0, sum);
        Assert.Equal(sum, (double)complete["Actual"]!, 9);
        Assert.Equal(9, complete["ReportedCount"]);
        Assert.Equal(false, complete["Partial"]);
        var latest = await pipeline.RowAsync(pipeline.Names.ScorecardLatest, Submitters.Province, "U14");
        Assert.NotNull(latest);
        Assert.Equal(9, latest["ReportedCount"]);
        Assert.Equal("2024-06", latest["Period"]);
    }

    [Fact]
    public async Task HandleAsync_ConcurrentPrefecturesOfOneMonth_RollupCountsAll()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);

        await Task.WhenAll(Submitters.Prefectures.Select((p, i) => UploadU14Async(pipeline, p.Code, i + 1)));

        var complete = await pipeline.RowAsync(pipeline.Names.Scorecard, "2024-06", "520000|U14");
        Assert.NotNull(complete);
        Assert.Equal(45.0, (double)complete["Actual"]!, 9);
        Assert.Equal(9, complete["ReportedCount"]);
    }

    [Theory]
    [InlineData(-24, true)]
    [InlineData(0, false)]
    public async Task HandleAsync_ReceivedAfterTheDeadline_IsLate(int monthsFromNow, bool late)
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);
        var now = YearMonth.Of(pipeline.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var period = now.AddMonths(monthsFromNow).ToString();

        var outcome = await pipeline.UploadAndHandleAsync(Zunyi, TestPipeline.UniqueFile(period, "遵义", "csv"), SubmissionFiles.Utf8Csv(("U10", "55", "万户")));

        Assert.Equal(SubmissionOutcomeKind.Accepted, outcome.Kind);
        var submission = await pipeline.RowAsync(pipeline.Names.Submissions, Zunyi, period + "|" + outcome.SubmissionId);
        Assert.NotNull(submission);
        Assert.Equal(late, submission["Late"]);
    }

    [Fact]
    public async Task HandleAsync_FuturePeriodByTheInjectedClock_IsRejected()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite, now: new DateTimeOffset(2024, 5, 20, 0, 0, 0, TimeSpan.Zero));

        var outcome = await pipeline.UploadAndHandleAsync(Zunyi, TestPipeline.UniqueFile("2024-06", "遵义", "csv"), SubmissionFiles.Utf8Csv(_fileA));

        Assert.Equal(SubmissionOutcomeKind.Rejected, outcome.Kind);
        var issues = await pipeline.RowsAsync(pipeline.Names.ValidationIssues, outcome.SubmissionId);
        Assert.Contains(issues, i => (string?)i["Code"] == "period-out-of-range");
    }

    [Fact]
    public async Task HandleAsync_SecondMonthWithHistory_UsesEarlierObservations()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);
        await pipeline.UploadAndHandleAsync(Zunyi, TestPipeline.UniqueFile("2024-05", "遵义", "csv"), SubmissionFiles.Utf8Csv(("U14", "6", "万户")));

        var outcome = await pipeline.UploadAndHandleAsync(Zunyi, TestPipeline.UniqueFile("2024-06", "遵义", "csv"), SubmissionFiles.Utf8Csv(("U14", "5", "万户")));

        Assert.Equal(SubmissionOutcomeKind.Rejected, outcome.Kind);
        var issues = await pipeline.RowsAsync(pipeline.Names.ValidationIssues, outcome.SubmissionId);
        Assert.Contains(issues, i => (string?)i["Code"] == "cumulative-decrease");
    }

    [Fact]
    public async Task HandleAsync_LastValueOlderThanTheOutlierWindow_StillComparedWith()
    {
        // 2021-12 lies 30 months before 2024-06, beyond the 24 months read at once: the history is read further back.
        var pipeline = await TestPipeline.CreateAsync(azurite);
        await pipeline.UploadAndHandleAsync(Zunyi, TestPipeline.UniqueFile("2021-12", "遵义", "csv"), SubmissionFiles.Utf8Csv(("U14", "6", "万户")));

        var outcome = await pipeline.UploadAndHandleAsync(Zunyi, TestPipeline.UniqueFile("2024-06", "遵义", "csv"), SubmissionFiles.Utf8Csv(("U14", "5", "万户")));

        Assert.Equal(SubmissionOutcomeKind.Rejected, outcome.Kind);
        var issues = await pipeline.RowsAsync(pipeline.Names.ValidationIssues, outcome.SubmissionId);
        Assert.Contains(issues, i => (string?)i["Code"] == "cumulative-decrease");
    }

    [Fact]
    public async Task HandleAsync_SameVersionTwice_LeavesIdenticalTables()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);
        var blob = await pipeline.UploadAsync(Zunyi, TestPipeline.UniqueFile("2024-06", "遵义", "csv"), SubmissionFiles.Gb18030Csv(_fileA));
        var first = await pipeline.Handler.HandleAsync(blob);
        var once = await TableDump.OfAsync(pipeline.RealTables, pipeline.Names);

        var again = await pipeline.Handler.HandleAsync(blob);

        Assert.Equal(SubmissionOutcomeKind.Accepted, again.Kind);
        Assert.Equal(first.SubmissionId, again.SubmissionId);
        Assert.Equal(first.CorrelationId, again.CorrelationId);
        Assert.Equal(once, await TableDump.OfAsync(pipeline.RealTables, pipeline.Names));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task HandleAsync_CrashAfterSomeBatchesThenRerun_LeavesTheTablesOfACleanRun(int failingBatch)
    {
        var clean = await TestPipeline.CreateAsync(azurite);
        var crashing = await TestPipeline.CreateAsync(azurite, real => new FailingTableStore(real, failingBatch));
        var rerun = await TestPipeline.CreateAsync(azurite, names: crashing.Names);
        var earlier = await clean.UploadAsync(Zunyi, TestPipeline.UniqueFile("2024-06", "遵义", "csv"), SubmissionFiles.Gb18030Csv(_fileA));
        var blob = await clean.UploadAsync(Zunyi, TestPipeline.UniqueFile("2024-06", "遵义-更正", "csv"), SubmissionFiles.Gb18030Csv(_fileB));
        await clean.Handler.HandleAsync(earlier);
        await clean.Handler.HandleAsync(blob);
        await rerun.Handler.HandleAsync(earlier);

        var crash = await Record.ExceptionAsync(() => crashing.Handler.HandleAsync(blob));
        await rerun.Handler.HandleAsync(blob);

        Assert.IsType<IOException>(crash);
        Assert.Equal(await TableDump.OfAsync(clean.RealTables, clean.Names), await TableDump.OfAsync(rerun.RealTables, rerun.Names));
    }

    [Fact]
    public async Task HandleAsync_ProvinceFileAfterPrefectures_KeepsTheRollupRows()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);
        await UploadU14Async(pipeline, Zunyi, 5);

        var outcome = await pipeline.UploadAndHandleAsync(
            Submitters.Province,
            TestPipeline.UniqueFile("2024-06", "贵州省统计局", "csv"),
            SubmissionFiles.Gb18030Csv(("U01", "58.64", "%")));

        Assert.Equal(SubmissionOutcomeKind.Accepted, outcome.Kind);
        var scorecard = await pipeline.RowsAsync(pipeline.Names.Scorecard, "2024-06");
        Assert.Contains(scorecard, r => r.RowKey == "520000|U01" && r["ReportedCount"] is null);
        var rollup = Assert.Single(scorecard, r => r.RowKey == "520000|U14");
        Assert.Equal(5.0, rollup["Actual"]);
        Assert.NotNull(await pipeline.RowAsync(pipeline.Names.ScorecardLatest, Submitters.Province, "U14"));
    }

    [Fact]
    public async Task HandleAsync_OlderPeriodAfterNewer_LeavesScorecardLatestOnTheNewer()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite);
        await pipeline.UploadAndHandleAsync(Zunyi, TestPipeline.UniqueFile("2024-06", "遵义", "csv"), SubmissionFiles.Utf8Csv(("U14", "5", "万户")));

        var older = await pipeline.UploadAndHandleAsync(Zunyi, TestPipeline.UniqueFile("2024-05", "遵义", "csv"), SubmissionFiles.Utf8Csv(("U14", "4", "万户")));

        Assert.Equal(SubmissionOutcomeKind.Accepted, older.Kind);
        var latest = await pipeline.RowAsync(pipeline.Names.ScorecardLatest, Zunyi, "U14");
        Assert.NotNull(latest);
        Assert.Equal("2024-06", latest["Period"]);
        Assert.Equal(5.0, latest["Actual"]);
        Assert.NotNull(await pipeline.RowAsync(pipeline.Names.Scorecard, "2024-05", "520300|U14"));
    }

    private static Task<SubmissionOutcome> UploadU14Async(TestPipeline pipeline, string prefecture, double value) =>
        pipeline.UploadAndHandleAsync(
            prefecture,
            TestPipeline.UniqueFile("2024-06", Submitters.Find(prefecture)!.Name, "csv"),
            SubmissionFiles.Gb18030Csv(("U14", value.ToString(System.Globalization.CultureInfo.InvariantCulture), "万户")));
}
