using System.Text;
using System.Text.RegularExpressions;
using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Tests.Plan;

public class PlanCatalogLoaderTests
{
    private static readonly PlanCatalog _embedded = PlanCatalogLoader.LoadEmbedded();

    // docs/evaluation.md, The plan catalog (Restatement): the points that 〔2023〕571号 restates.
    private static readonly string[] _restatementMap =
        ["U01", "U02", "U03", "U05", "U09", "U10", "U12", "U17", "U18", "U21", "U23", "U29", "U30", "U31", "U32", "U34", "U35", "U36", "U37", "U38"];

    [Fact]
    public void LoadEmbedded_Documents_OrderedByIssuedWithNumbers()
    {
        Assert.Equal(["2022-22", "2023-571"], _embedded.Documents.Select(d => d.Id));
        Assert.Equal("黔发改城镇〔2022〕22号", _embedded.Documents[0].Number);
        Assert.Equal(new YearMonth(2022, 1), _embedded.Documents[0].Issued);
        Assert.Equal("黔发改城镇〔2023〕571号", _embedded.Documents[1].Number);
        Assert.Equal(new YearMonth(2023, 7), _embedded.Documents[1].Issued);
    }

    [Fact]
    public void LoadEmbedded_Zhuanlan1_HasAllThirtyEightUCodes()
    {
        var expected = Enumerable.Range(1, 38).Select(n => $"U{n:00}");
        Assert.Equal(expected, _embedded.Indicators.Select(i => i.Code).Where(c => Regex.IsMatch(c, @"^U\d\d$")));
    }

    [Theory]
    [InlineData("U01", "520000", "2020-12", 53.15, TargetQualifier.None, "2022-22", false)]
    [InlineData("U01", "520000", "2025-12", 62, TargetQualifier.About, "2022-22", true)]
    [InlineData("U01", "520000", "2023-12", 56, TargetQualifier.AtLeast, "2023-571", false)]
    [InlineData("U01", "520000", "2025-12", 60, TargetQualifier.About, "2023-571", false)]
    [InlineData("U10", "520000", "2023-12", 470, TargetQualifier.None, "2023-571", false)]
    [InlineData("U10", "520000", "2025-12", 550, TargetQualifier.None, "2023-571", false)]
    [InlineData("U10", "520000", "2025-12", 700, TargetQualifier.None, "2022-22", true)]
    [InlineData("U38", "520000", "2023-12", 2.98, TargetQualifier.About, "2023-571", false)]
    [InlineData("U38", "520000", "2025-12", 2.92, TargetQualifier.About, "2023-571", false)]
    [InlineData("U38", "520000", "2025-12", 3.0, TargetQualifier.Below, "2022-22", true)]
    [InlineData("U34", "520000", "2025-12", 0.04, TargetQualifier.Within, "2023-571", false)]
    [InlineData("U14", "520300", "2025-12", 10.5, TargetQualifier.None, "2022-22", false)]
    [InlineData("U14", "520000", "2025-12", 70, TargetQualifier.AtLeast, "2022-22", false)]
    [InlineData("U13", "520100", "2023-12", 2.56, TargetQualifier.None, "2022-22", false)]
    [InlineData("U13", "520000", "2023-12", 41, TargetQualifier.None, "2022-22", false)]
    [InlineData("U15", "522300", "2023-12", 1033, TargetQualifier.None, "2022-22", false)]
    [InlineData("U06", "522600", "2025-12", 65, TargetQualifier.About, "2022-22", true)]
    [InlineData("U06", "522600", "2025-12", 64, TargetQualifier.About, "2023-571", false)]
    [InlineData("U06", "520600", "2025-12", 50, TargetQualifier.AtLeast, "2023-571", false)]
    [InlineData("U05", "520100", "2023-12", 465, TargetQualifier.About, "2023-571", false)]
    [InlineData("U18", "520000", "2025-12", 77.5, TargetQualifier.None, "2022-22", true)]
    [InlineData("U18", "520000", "2025-12", 77, TargetQualifier.AtLeast, "2023-571", false)]
    [InlineData("N16", "520000", "2025-12", 113, TargetQualifier.About, "2022-22", false)]
    [InlineData("N23", "522600", "2025-12", 260, TargetQualifier.None, "2022-22", false)]
    [InlineData("N02", "520000", "2025-12", 3.2, TargetQualifier.None, "2023-571", false)]
    [InlineData("N31", "520000", "2025-12", 9.5, TargetQualifier.None, "2023-571", false)]
    [InlineData("U08-2023", "520000", "2023-12", 60, TargetQualifier.AtLeast, "2023-571", false)]
    [InlineData("U11-2023-2025", "520000", "2025-12", 17000, TargetQualifier.About, "2023-571", false)]
    [InlineData("N13", "520100", "2020-12", 24.2, TargetQualifier.None, "2022-22", false)]
    [InlineData("N71", "520000", "2020-12", 83.28, TargetQualifier.None, "2022-22", false)]
    [InlineData("N72", "520000", "2025-12", 5, TargetQualifier.Within, "2022-22", false)]
    [InlineData("N77", "Q01", "2025-12", 5000, TargetQualifier.About, "2022-22", false)]
    [InlineData("N77", "Q02", "2025-12", 6800, TargetQualifier.About, "2022-22", false)]
    [InlineData("N78", "Q02", "2025-12", 750, TargetQualifier.About, "2022-22", false)]
    [InlineData("N79", "Q02", "2025-12", 84, TargetQualifier.About, "2022-22", false)]
    [InlineData("N87", "520000", "2023-12", 636, TargetQualifier.None, "2022-22", false)]
    [InlineData("N90", "520300", "2025-12", 50, TargetQualifier.AtLeast, "2022-22", false)]
    [InlineData("N90", "522700", "2025-12", 30, TargetQualifier.AtLeast, "2022-22", false)]
    [InlineData("N93", "520000", "2025-12", 40, TargetQualifier.About, "2022-22", false)]
    [InlineData("N98", "520000", "2025-12", 39.29, TargetQualifier.None, "2022-22", false)]
    [InlineData("N102", "520000", "2023-12", 40, TargetQualifier.None, "2023-571", false)]
    [InlineData("N102", "520000", "2025-12", 87, TargetQualifier.None, "2023-571", false)]
    [InlineData("N103", "520000", "2025-12", 100, TargetQualifier.None, "2023-571", false)]
    public void LoadEmbedded_Point_MatchesPlan(string code, string scope, string date, double value, TargetQualifier qualifier, string document, bool superseded)
    {
        var point = Assert.Single(
            _embedded.Targets,
            t => t.Indicator == code && t.Scope == scope && t.Date == YearMonth.Parse(date) && t.DocumentId == document && t.Value.Equals(value));
        Assert.Equal(value, point.Value);
        Assert.Equal(qualifier, point.Qualifier);
        Assert.Equal(superseded, point.Superseded);
    }

    [Fact]
    public void LoadEmbedded_U01InForce_Is56In2023And60In2025()
    {
        var inForce = _embedded.TargetsInForce("U01", "520000");
        Assert.Equal(["2020-12|53.15|None", "2023-12|56|AtLeast", "2025-12|60|About"], inForce.Select(t => $"{t.Date}|{t.Value}|{t.Qualifier}"));
    }

    [Fact]
    public void LoadEmbedded_Kinds_FollowDesign()
    {
        var u = _embedded.Indicators.Where(i => Regex.IsMatch(i.Code, @"^U\d\d$")).ToDictionary(i => i.Code);
        Assert.Equal(["U27", "U28"], u.Values.Where(i => i.Kind == IndicatorKind.Floor).Select(i => i.Code).Order());
        Assert.DoesNotContain(u.Values, i => i.Kind == IndicatorKind.Ceiling);
        Assert.Equal(["U36", "U37"], u.Values.Where(i => i.Kind == IndicatorKind.Rate).Select(i => i.Code).Order());
        Assert.Equal(["U34", "U38"], u.Values.Where(i => i.Direction == IndicatorDirection.Down).Select(i => i.Code).Order());
        Assert.All(new[] { "U34", "U38" }, c => Assert.Equal(IndicatorKind.Level, u[c].Kind));

        var cumulative = u.Values.Where(i => i.Kind == IndicatorKind.Cumulative).ToList();
        Assert.Equal(["U08", "U11", "U13", "U14", "U15", "U16"], cumulative.Select(i => i.Code));
        Assert.All(cumulative, i => Assert.Equal(new CumulativeWindow(new YearMonth(2021, 1), new YearMonth(2025, 12)), i.Window));
        Assert.Equal([61.64, 5000, 5.7, 5.96, 0, 3063], cumulative.Select(i => i.Flow2020!.Value));
        Assert.All(u.Values.Where(i => i.Kind != IndicatorKind.Cumulative), i => Assert.Null(i.Flow2020));
    }

    [Fact]
    public void LoadEmbedded_RestatedUCodes_AreDesignMapPlusPrefectureAndFloorRepeats()
    {
        var restated = _embedded.Targets.Where(t => t.Superseded && Regex.IsMatch(t.Indicator, @"^U\d\d$")).Select(t => t.Indicator).Distinct().Order();

        // U06 is restated per prefecture (凯里 65 → 64), and U27's floor is repeated verbatim in 2023–2025.
        Assert.Equal(_restatementMap.Append("U06").Append("U27").Order(), restated);
        Assert.All(_restatementMap, code => Assert.Contains(_embedded.Targets, t => t.Indicator == code && t.DocumentId == "2023-571" && !t.Superseded));
    }

    [Fact]
    public void LoadEmbedded_NIndicatorsFrom571_AtLeastTwentyWithMilestones()
    {
        var n = _embedded.Targets
            .Where(t => Regex.IsMatch(t.Indicator, @"^N\d\d$") && t.DocumentId == "2023-571" && t.Date.Year is 2023 or 2025)
            .Select(t => t.Indicator)
            .Distinct()
            .ToList();
        Assert.True(n.Count >= 20, $"only {n.Count} N indicators have 〔2023〕571号 milestones");
    }

    [Fact]
    public void LoadEmbedded_EducationOfAged15Plus_IsNotU22()
    {
        var indicator = Assert.Single(_embedded.Indicators, i => i.Name == "15岁及以上人口平均受教育年限");
        Assert.StartsWith("N", indicator.Code, StringComparison.Ordinal);
        Assert.DoesNotContain(_embedded.Targets, t => t.Indicator == "U22" && t.DocumentId == "2023-571");
    }

    [Fact]
    public void LoadEmbedded_EveryTargetAndIndicator_HasSourceWithDocumentNumberAndSection()
    {
        var numbers = _embedded.Documents.Select(d => d.Number + " ").ToList();
        Assert.All(_embedded.Targets, t => Assert.True(numbers.Exists(n => t.Source.StartsWith(n, StringComparison.Ordinal) && t.Source.Length > n.Length), t.ToString()));
        Assert.All(_embedded.Indicators, i => Assert.True(numbers.Exists(n => i.Source.StartsWith(n, StringComparison.Ordinal) && i.Source.Length > n.Length), i.ToString()));
    }

    [Theory]
    [InlineData("U13", "2023-12")]
    [InlineData("U14", "2025-12")]
    [InlineData("U15", "2023-12")]
    [InlineData("N16", "2025-12")]
    [InlineData("N20", "2025-12")]
    [InlineData("N21", "2025-12")]
    [InlineData("N22", "2025-12")]
    [InlineData("N23", "2025-12")]
    public void LoadEmbedded_Allocation_CoversAllNinePrefectures(string code, string date)
    {
        var scopes = _embedded.Targets.Where(t => t.Indicator == code && t.Date == YearMonth.Parse(date) && t.Scope != Submitters.Province).Select(t => t.Scope).Order();
        Assert.Equal(Submitters.Prefectures.Select(p => p.Code).Order(), scopes);
        Assert.Contains(_embedded.Targets, t => t.Indicator == code && t.Date == YearMonth.Parse(date) && t.Scope == Submitters.Province);
    }

    [Theory]
    [InlineData("2022-22", "2025-12")]
    [InlineData("2023-571", "2023-12")]
    [InlineData("2023-571", "2025-12")]
    public void LoadEmbedded_CentralCityPopulation_EightPrefecturesAndGuiyangAsU05(string document, string date)
    {
        var u06 = _embedded.Targets.Where(t => t.Indicator == "U06" && t.DocumentId == document && t.Date == YearMonth.Parse(date) && t.Scope != Submitters.Province);
        Assert.Equal(Submitters.Prefectures.Select(p => p.Code).Where(c => c != "520100").Order(), u06.Select(t => t.Scope).Order());
        Assert.Contains(_embedded.Targets, t => t.Indicator == "U05" && t.Scope == "520100" && t.DocumentId == document && t.Date == YearMonth.Parse(date));
    }

    [Fact]
    public void LoadEmbedded_OtherWindows_AreTheirOwnIndicators()
    {
        Assert.Equal(new CumulativeWindow(new YearMonth(2023, 1), new YearMonth(2023, 12)), _embedded.FindIndicator("U08-2023")!.Window);
        Assert.Equal(new CumulativeWindow(new YearMonth(2023, 1), new YearMonth(2025, 12)), _embedded.FindIndicator("U16-2023-2025")!.Window);
        var pipes2023To2025 = _embedded.Targets.Where(t => Regex.IsMatch(t.Indicator, @"^N2[0-3]-2023-2025$")).Sum(t => t.Value);
        Assert.Equal(6500, pipes2023To2025);
        Assert.Equal(6500, Assert.Single(_embedded.Targets, t => t.Indicator == "U16-2023-2025").Value);
        Assert.DoesNotContain(_embedded.Targets, t => t.Indicator == "U16" && t.DocumentId == "2023-571");
    }

    [Fact]
    public void LoadEmbedded_Counts_AreTheTranscribedRows()
    {
        Assert.Equal(160, _embedded.Indicators.Count);
        Assert.Equal(451, _embedded.Targets.Count);
        Assert.Equal(20, _embedded.Relations.Count);
    }

    [Fact]
    public void LoadEmbedded_CodesAddedLater_TakeTheNextFreeNumbers()
    {
        // Codes are never renumbered: N71 onwards were added after N01…N70 were published, and go on to three digits.
        var n = _embedded.Indicators.Select(i => i.Code).Where(c => Regex.IsMatch(c, @"^N\d+$")).ToList();
        Assert.Equal(Enumerable.Range(1, 103).Select(i => $"N{i:00}"), n);
    }

    [Fact]
    public void LoadEmbedded_RegionalTargets_UseRegionScopesOnly()
    {
        var regional = _embedded.Targets.Where(t => PlanScopes.IsRegion(t.Scope)).ToList();
        Assert.Equal(["N77|Q01", "N77|Q02", "N78|Q02", "N79|Q02"], regional.Select(t => $"{t.Indicator}|{t.Scope}"));
        Assert.All(new[] { "N77", "N78", "N79" }, code => Assert.DoesNotContain(_embedded.Targets, t => t.Indicator == code && !PlanScopes.IsRegion(t.Scope)));
    }

    [Fact]
    public void LoadEmbedded_UnclearWindow_IsALevelNotAGuessedWindow()
    {
        // 〔2023〕571号 三、(三) 7.: "累计分别达到40万人、87万人" with no start: a running total, not a window.
        var indicator = _embedded.FindIndicator("N102")!;
        Assert.Equal(IndicatorKind.Level, indicator.Kind);
        Assert.Null(indicator.Window);
    }

    [Fact]
    public void LoadFromDirectory_RegionScope_Loads()
    {
        using var folder = new PlanCatalogFolder();
        folder.Replace("targets.csv", "U13,520100,2023-12,2.56", "U13,520100,2023-12,2.56,万户,,d1,专栏4,\nU13,Q01,2023-12,3");
        var catalog = PlanCatalogLoader.LoadFromDirectory(folder.Path);
        Assert.Contains(catalog.Targets, t => t.Scope == "Q01" && t.Value.Equals(3));
    }

    [Fact]
    public void LoadFromDirectory_RepositorySeeds_EqualsEmbedded()
    {
        var loaded = PlanCatalogLoader.LoadFromDirectory(RepositoryFolder.SeedsPlan);
        Assert.Equal(_embedded.Documents, loaded.Documents);
        Assert.Equal(_embedded.Indicators, loaded.Indicators);
        Assert.Equal(_embedded.Targets, loaded.Targets);
        Assert.Equal(_embedded.Relations.Select(r => r.Id), loaded.Relations.Select(r => r.Id));
    }

    [Fact]
    public void SeedsReadme_DocumentsEveryFileHeader()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFolder.SeedsPlan, "README.md"));
        foreach (var file in new[] { "documents.csv", "indicators.csv", "targets.csv", "checks.csv" })
        {
            var header = File.ReadLines(Path.Combine(RepositoryFolder.SeedsPlan, file)).First().TrimStart('\uFEFF');
            Assert.Contains(header, readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LoadFromDirectory_SmallCatalog_DerivesSupersessionAndSource()
    {
        using var folder = new PlanCatalogFolder();
        var catalog = PlanCatalogLoader.LoadFromDirectory(folder.Path);
        Assert.Equal(["U01|2025-12|d1|True", "U01|2025-12|d2|False"], catalog.Targets.Where(t => t.Date == new YearMonth(2025, 12)).Select(t => $"{t.Indicator}|{t.Date}|{t.DocumentId}|{t.Superseded}"));
        Assert.Equal("文件一号 专栏4", catalog.Targets[3].Source);
        var relation = Assert.Single(catalog.Relations);
        Assert.Equal(PlanRelationOperator.AtLeast, relation.Operator);
        Assert.Equal("U13|520100|2023-12", Assert.Single(relation.Right).ToString());
    }

    [Fact]
    public void LoadFromDirectory_DocumentsOutOfOrder_OrdersByIssuedAndSupersedesByIt()
    {
        using var folder = new PlanCatalogFolder();
        folder.Replace("documents.csv", "2022-01", "2024-01");
        var catalog = PlanCatalogLoader.LoadFromDirectory(folder.Path);
        Assert.Equal(["d2", "d1"], catalog.Documents.Select(d => d.Id));
        Assert.True(catalog.Targets.Single(t => t.Date == new YearMonth(2025, 12) && t.DocumentId == "d2").Superseded);
    }

    [Fact]
    public void LoadFromDirectory_ExcelSavedFile_IsRead()
    {
        using var folder = new PlanCatalogFolder();

        // What Excel's "CSV UTF-8" gives back: CRLF, months turned into dates, quoted text, empty trailing rows, extra columns.
        folder.Write("targets.csv", """"
            indicator,scope,date,value,unit,qualifier,document,section,note,审核人
            U01,520000,2020/12/1,53.15,%,,d1,专栏1 序号1,"原文“53.15%”, 含逗号和""引号""",张三
            U01,520000,2025年12月,62,%,左右,d1,专栏1 序号1,,
            U01,520000,2025/12,60,%,左右,d2,二,,
            U13,520000,2023-12-01,41,万户,,d1,专栏4,,
            U13,520100,2023-12,2.56,万户,,d1,专栏4,,
            ,,,,,,,,,
            ,,,,,,,,,
            """".ReplaceLineEndings("\r\n"));
        var catalog = PlanCatalogLoader.LoadFromDirectory(folder.Path);
        Assert.Equal(5, catalog.Targets.Count);
        Assert.Equal(
            ["2020-12", "2025-12", "2025-12", "2023-12", "2023-12"],
            catalog.Targets.Select(t => t.Date.ToString()));
    }

    [Theory]
    [InlineData("indicators.csv", "level,up,none", "stock,up,none", 2, "kind")]
    [InlineData("indicators.csv", "level,up,none", "level,upward,none", 2, "direction")]
    [InlineData("indicators.csv", "cumulative,up,sum", "cumulative,up,total", 3, "aggregation")]
    [InlineData("indicators.csv", "sum,monthly", "sum,weekly", 3, "frequency")]
    [InlineData("indicators.csv", "monthly,2021-01,2025-12,5.7", "monthly,,,5.7", 3, "window_start")]
    [InlineData("indicators.csv", "monthly,2021-01,2025-12,5.7", "monthly,2021-01,,5.7", 3, "window_end")]
    [InlineData("indicators.csv", "monthly,2021-01,2025-12,5.7", "monthly,2025-12,2021-01,5.7", 3, "window_end")]
    [InlineData("indicators.csv", "annual,,,,d1", "annual,2021-01,2025-12,,d1", 2, "window_start")]
    [InlineData("indicators.csv", "annual,,,,d1", "annual,,,3,d1", 2, "flow2020")]
    [InlineData("indicators.csv", ",5.7,d1", ",五点七,d1", 3, "flow2020")]
    [InlineData("indicators.csv", "U13,乙", "X13,乙", 3, "code")]
    [InlineData("indicators.csv", "U13,乙", "U01,乙", 3, "code")]
    [InlineData("indicators.csv", "U13,乙", "U13-2023,乙", 3, "window_start")]
    [InlineData("indicators.csv", "5.7,d1,专栏1 序号13", "5.7,d9,专栏1 序号13", 3, "document")]
    [InlineData("indicators.csv", "U01,甲,%,类", "U01,,%,类", 2, "name")]
    [InlineData("targets.csv", "53.15", "53.15%", 2, "value")]
    [InlineData("targets.csv", "2020-12,53.15", "2020-12,", 2, "value")]
    [InlineData("targets.csv", "2020-12,53.15", "2020-13,53.15", 2, "date")]
    [InlineData("targets.csv", ",左右,d2", ",大约,d2", 4, "qualifier")]
    [InlineData("targets.csv", "左右,d2,二", "左右,d3,二", 4, "document")]
    [InlineData("targets.csv", "U13,520000,2023-12", "U13,520000,2026-12", 5, "date")]
    [InlineData("targets.csv", "U13,520100", "U99,520100", 6, "indicator")]
    [InlineData("targets.csv", "U13,520100", "U13,520900", 6, "scope")]
    [InlineData("targets.csv", "U13,520100", "U13,Q99", 6, "scope")]
    [InlineData("targets.csv", "U13,520100", "U13,q01", 6, "scope")]
    [InlineData("indicators.csv", "U13,乙", "U100,乙", 3, "code")]
    [InlineData("indicators.csv", "U13,乙", "N1000,乙", 3, "code")]
    [InlineData("checks.csv", "U13|520100|2023-12,全省", "U13|Q99|2023-12,全省", 2, "right")]
    [InlineData("targets.csv", "d1,专栏1 序号1,\nU01,520000,2025-12", "d1,,\nU01,520000,2025-12", 2, "section")]
    [InlineData("targets.csv", "qualifier,", "qualifer,", 1, "qualifier")]
    [InlineData("documents.csv", "2023-07", "2023年13月", 3, "issued")]
    [InlineData("documents.csv", "d2,文件二号", "d1,文件二号", 3, "id")]
    [InlineData("checks.csv", "不小于", "大于", 2, "relation")]
    [InlineData("checks.csv", "U13|520100|2023-12,全省", "U13|520100|2024-12,全省", 2, "right")]
    [InlineData("checks.csv", "U13|520000|2023-12,不小于", "U13|520000|2023-12 +,不小于", 2, "left")]
    [InlineData("checks.csv", "U13|520000|2023-12,不小于", "U13 520000 2023-12,不小于", 2, "left")]
    [InlineData("checks.csv", "U13|520000|2023-12,不小于", "U99|520000|2023-12,不小于", 2, "left")]
    public void LoadFromDirectory_MalformedCell_NamesFileRowAndField(string file, string find, string replace, int row, string field)
    {
        using var folder = new PlanCatalogFolder();
        folder.Replace(file, find, replace);

        var error = Assert.Throws<PlanCatalogException>(() => PlanCatalogLoader.LoadFromDirectory(folder.Path));

        Assert.Equal(Path.Combine(folder.Path, file), error.File);
        Assert.Equal(row, error.Row);
        Assert.Equal(field, error.Field);
        Assert.Contains($"第{row}行", error.Message, StringComparison.Ordinal);
        Assert.Contains($"row {row}, column '{field}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFromDirectory_BlankRowBeforeError_RowCountsItAsExcelDoes()
    {
        using var folder = new PlanCatalogFolder();
        folder.Replace("targets.csv", "U13,520100,2023-12,2.56", ",,,,,,,,\nU13,520100,2023-12,x");
        var error = Assert.Throws<PlanCatalogException>(() => PlanCatalogLoader.LoadFromDirectory(folder.Path));
        Assert.Equal(7, error.Row);
    }

    [Fact]
    public void LoadFromDirectory_StrayQuote_NamesFileAndRow()
    {
        using var folder = new PlanCatalogFolder();
        folder.Replace("targets.csv", "d2,二,", "d2,\"二\"x,");
        var error = Assert.Throws<PlanCatalogException>(() => PlanCatalogLoader.LoadFromDirectory(folder.Path));
        Assert.Equal(4, error.Row);
        Assert.EndsWith("targets.csv", error.File, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFromDirectory_MissingFile_NamesIt()
    {
        using var folder = new PlanCatalogFolder();
        File.Delete(Path.Combine(folder.Path, "checks.csv"));
        var error = Assert.Throws<PlanCatalogException>(() => PlanCatalogLoader.LoadFromDirectory(folder.Path));
        Assert.Equal(Path.Combine(folder.Path, "checks.csv"), error.File);
        Assert.Null(error.Row);
        Assert.Contains("找不到该文件", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFromDirectory_EmptyFile_NamesHeaderRow()
    {
        using var folder = new PlanCatalogFolder();
        folder.Write("documents.csv", Array.Empty<byte>());
        var error = Assert.Throws<PlanCatalogException>(() => PlanCatalogLoader.LoadFromDirectory(folder.Path));
        Assert.Equal(1, error.Row);
        Assert.EndsWith("documents.csv", error.File, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFromDirectory_Gb18030File_AsksForCsvUtf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var folder = new PlanCatalogFolder();
        folder.Write("indicators.csv", Encoding.GetEncoding("GB18030").GetBytes(PlanCatalogFolder.Indicators));
        var error = Assert.Throws<PlanCatalogException>(() => PlanCatalogLoader.LoadFromDirectory(folder.Path));
        Assert.EndsWith("indicators.csv", error.File, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void LoadFromDirectory_BlankPath_Throws(string path) =>
        Assert.ThrowsAny<ArgumentException>(() => PlanCatalogLoader.LoadFromDirectory(path));
}
