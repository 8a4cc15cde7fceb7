using System.Globalization;
using System.Text.RegularExpressions;

namespace IntakePipeline.Core.Plan;

/// <summary>
/// Reads the plan catalog from its four CSV files (documents, indicators, targets, checks; format in
/// <c>seeds/plan/README.md</c>), validates it, and derives which target points are superseded: for the same indicator,
/// scope and month, the point from the later document is in force and earlier ones are kept, marked superseded.
/// </summary>
public static partial class PlanCatalogLoader
{
    /// <summary>The documents file: <c>id,number,title,issued</c>.</summary>
    public const string DocumentsFile = "documents.csv";

    /// <summary>The indicators file.</summary>
    public const string IndicatorsFile = "indicators.csv";

    /// <summary>The target points file.</summary>
    public const string TargetsFile = "targets.csv";

    /// <summary>The cross-indicator relations file.</summary>
    public const string ChecksFile = "checks.csv";

    private static readonly string[] _documentColumns = ["id", "number", "title", "issued"];

    private static readonly string[] _indicatorColumns =
        ["code", "name", "unit", "category", "kind", "direction", "aggregation", "frequency", "window_start", "window_end", "flow2020", "document", "section", "note"];

    private static readonly string[] _targetColumns = ["indicator", "scope", "date", "value", "unit", "qualifier", "document", "section", "note"];

    private static readonly string[] _checkColumns = ["id", "left", "relation", "right", "note"];

    /// <summary>Loads the catalog embedded in this assembly (the repository's <c>seeds/plan</c> at build time).</summary>
    /// <exception cref="PlanCatalogException">The embedded catalog is malformed.</exception>
    public static PlanCatalog LoadEmbedded()
    {
        var assembly = typeof(PlanCatalogLoader).Assembly;
        return Load(file => assembly.GetManifestResourceStream("plan/" + file), file => "plan/" + file);
    }

    /// <summary>Loads the catalog from a folder holding documents.csv, indicators.csv, targets.csv and checks.csv.</summary>
    /// <exception cref="PlanCatalogException">A file is missing or malformed; the message names the file, row and field.</exception>
    public static PlanCatalog LoadFromDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Load(
            file =>
            {
                var full = Path.Combine(path, file);
                return File.Exists(full) ? File.OpenRead(full) : null;
            },
            file => Path.Combine(path, file));
    }

    internal static PlanCatalog Load(Func<string, Stream?> open, Func<string, string> describe)
    {
        List<PlanCsvRow> Read(string file, string[] columns)
        {
            using var stream = open(file);
            return PlanCsvTable.Read(stream, describe(file), columns);
        }

        var documents = ReadDocuments(Read(DocumentsFile, _documentColumns));
        var indicators = ReadIndicators(Read(IndicatorsFile, _indicatorColumns), documents);
        var targets = ReadTargets(Read(TargetsFile, _targetColumns), documents, indicators);
        var relations = ReadRelations(Read(ChecksFile, _checkColumns), indicators, targets);
        var ordered = documents.Values.OrderBy(d => d.Issued).ToList();
        return new PlanCatalog(ordered, [.. indicators.Values], DeriveSupersession(targets, ordered), relations);
    }

    private static Dictionary<string, PlanDocument> ReadDocuments(List<PlanCsvRow> rows)
    {
        var documents = new Dictionary<string, PlanDocument>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var document = new PlanDocument(row.Required("id"), row.Required("number"), row.Required("title"), row.Month("issued"));
            if (!documents.TryAdd(document.Id, document))
            {
                throw row.Fail("id", $"文件编号“{document.Id}”重复", $"duplicate document id '{document.Id}'");
            }
        }

        return documents;
    }

    // Insertion-ordered, so the catalog keeps the file's order.
    private static OrderedDictionary<string, PlanIndicator> ReadIndicators(List<PlanCsvRow> rows, Dictionary<string, PlanDocument> documents)
    {
        var indicators = new OrderedDictionary<string, PlanIndicator>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var code = row.Required("code");
            var match = CodeScheme().Match(code);
            if (!match.Success)
            {
                throw row.Fail(
                    "code",
                    $"代码“{code}”不符合编码规则（U01…U38、N01…N99、N100…，其他时段加 -yyyy 或 -yyyy-yyyy）",
                    $"code '{code}' does not follow the scheme (U01…U38, N01…, with -yyyy or -yyyy-yyyy for another window)");
            }

            var kind = Parse<IndicatorKind>(row, "kind", PlanVocabulary.TryParseKind, "level、cumulative、rate、floor、ceiling");
            var window = ReadWindow(row, kind, match);
            var flow2020 = row.OptionalNumber("flow2020");
            if (flow2020 is not null && kind != IndicatorKind.Cumulative)
            {
                throw row.Fail("flow2020", "只有累计型（cumulative）指标才有 flow2020", "only cumulative indicators have a flow2020");
            }

            var document = FindDocument(row, "document", documents);
            var indicator = new PlanIndicator(
                code,
                row.Required("name"),
                row.Text("unit"),
                row.Required("category"),
                kind,
                Parse<IndicatorDirection>(row, "direction", PlanVocabulary.TryParseDirection, "up、down"),
                Parse<IndicatorAggregation>(row, "aggregation", PlanVocabulary.TryParseAggregation, "sum、none、weighted"),
                Parse<ReportingFrequency>(row, "frequency", PlanVocabulary.TryParseFrequency, "monthly、annual"),
                window,
                flow2020,
                $"{document.Number} {row.Required("section")}");
            if (!indicators.TryAdd(code, indicator))
            {
                throw row.Fail("code", $"指标代码“{code}”重复", $"duplicate indicator code '{code}'");
            }
        }

        return indicators;
    }

    private static CumulativeWindow? ReadWindow(PlanCsvRow row, IndicatorKind kind, Match code)
    {
        var start = row.OptionalMonth("window_start");
        var end = row.OptionalMonth("window_end");
        if (kind != IndicatorKind.Cumulative)
        {
            return start is null && end is null
                ? null
                : throw row.Fail(start is null ? "window_end" : "window_start", "只有累计型（cumulative）指标才有统计时段", "only cumulative indicators have a window");
        }

        if (start is null || end is null)
        {
            throw row.Fail(start is null ? "window_start" : "window_end", "累计型指标必须写明统计时段的起止年月", "a cumulative indicator needs window_start and window_end");
        }

        if (start > end)
        {
            throw row.Fail("window_end", $"统计时段的结束 {end} 早于开始 {start}", $"the window ends ({end}) before it starts ({start})");
        }

        // A suffix promises the window: U08-2023 counts 2023-01..2023-12, U11-2023-2025 counts 2023-01..2025-12.
        if (code.Groups["from"].Success)
        {
            var from = int.Parse(code.Groups["from"].ValueSpan, CultureInfo.InvariantCulture);
            var to = code.Groups["to"].Success ? int.Parse(code.Groups["to"].ValueSpan, CultureInfo.InvariantCulture) : from;
            if (start.Value != new YearMonth(from, 1) || end.Value != new YearMonth(to, 12))
            {
                throw row.Fail(
                    "window_start",
                    $"代码后缀要求统计时段为 {from}-01 至 {to}-12，但写的是 {start} 至 {end}",
                    $"the code's suffix means {from}-01..{to}-12, but the window is {start}..{end}");
            }
        }

        return new CumulativeWindow(start.Value, end.Value);
    }

    private static List<PlanTarget> ReadTargets(
        List<PlanCsvRow> rows, Dictionary<string, PlanDocument> documents, OrderedDictionary<string, PlanIndicator> indicators)
    {
        var targets = new List<PlanTarget>(rows.Count);
        foreach (var row in rows)
        {
            var code = row.Required("indicator");
            if (!indicators.TryGetValue(code, out var indicator))
            {
                throw row.Fail("indicator", $"indicators.csv 中没有指标“{code}”", $"unknown indicator '{code}' (not in indicators.csv)");
            }

            var scope = ReadScope(row, "scope", row.Required("scope"));
            var date = row.Month("date");
            if (indicator.Window is { } window && (date < window.Start || date > window.End))
            {
                throw row.Fail(
                    "date", $"{date} 不在指标 {code} 的统计时段 {window.Start} 至 {window.End} 内", $"{date} is outside {code}'s window {window.Start}..{window.End}");
            }

            var document = FindDocument(row, "document", documents);
            var target = new PlanTarget(
                code,
                scope,
                date,
                row.Number("value"),
                row.Text("unit"),
                Parse<TargetQualifier>(row, "qualifier", PlanVocabulary.TryParseQualifier, "左右、以上、以内、以下 或留空"),
                document.Id,
                $"{document.Number} {row.Required("section")}",
                Superseded: false);
            targets.Add(target);
        }

        return targets;
    }

    private static List<PlanRelation> ReadRelations(
        List<PlanCsvRow> rows, OrderedDictionary<string, PlanIndicator> indicators, List<PlanTarget> targets)
    {
        var points = new HashSet<(string, string, YearMonth)>();
        foreach (var target in targets)
        {
            points.Add((target.Indicator, target.Scope, target.Date));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var relations = new List<PlanRelation>(rows.Count);
        foreach (var row in rows)
        {
            var id = row.Required("id");
            if (!ids.Add(id))
            {
                throw row.Fail("id", $"检查编号“{id}”重复", $"duplicate check id '{id}'");
            }

            relations.Add(new PlanRelation(
                id,
                ReadSide(row, "left", indicators, points),
                Parse<PlanRelationOperator>(row, "relation", PlanVocabulary.TryParseRelation, "等于、不小于、不大于"),
                ReadSide(row, "right", indicators, points),
                row.Text("note")));
        }

        return relations;
    }

    private static List<PlanRelationTerm> ReadSide(
        PlanCsvRow row, string field, OrderedDictionary<string, PlanIndicator> indicators, HashSet<(string, string, YearMonth)> points)
    {
        var tokens = row.Required(field).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var terms = new List<PlanRelationTerm>();
        var negated = false;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (i % 2 == 1)
            {
                negated = tokens[i] switch
                {
                    "+" => false,
                    "-" => true,
                    _ => throw row.Fail(field, $"“{tokens[i]}”处应为 + 或 -（前后加空格）", $"expected + or - (with spaces around) at '{tokens[i]}'"),
                };
                continue;
            }

            var parts = tokens[i].Split('|');
            if (parts.Length != 3 || !PlanCsvRow.TryParseMonth(parts[2], out var date))
            {
                throw row.Fail(field, $"“{tokens[i]}”应写作 指标|范围|年月，如 U07|520000|2025-12", $"'{tokens[i]}' should read indicator|scope|yyyy-MM, e.g. U07|520000|2025-12");
            }

            if (!indicators.ContainsKey(parts[0]))
            {
                throw row.Fail(field, $"indicators.csv 中没有指标“{parts[0]}”", $"unknown indicator '{parts[0]}'");
            }

            var scope = ReadScope(row, field, parts[1]);
            if (!points.Contains((parts[0], scope, date)))
            {
                throw row.Fail(field, $"targets.csv 中没有 {tokens[i]} 这个目标点", $"targets.csv has no point {tokens[i]}");
            }

            terms.Add(new PlanRelationTerm(negated, parts[0], scope, date));
        }

        return tokens.Length % 2 == 1
            ? terms
            : throw row.Fail(field, "表达式不能以 + 或 - 结尾", "the expression must not end with + or -");
    }

    private static List<PlanTarget> DeriveSupersession(List<PlanTarget> targets, List<PlanDocument> documents)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            rank[documents[i].Id] = i;
        }

        var latest = new Dictionary<(string, string, YearMonth), int>();
        foreach (var target in targets)
        {
            var key = (target.Indicator, target.Scope, target.Date);
            var documentRank = rank[target.DocumentId];
            if (!latest.TryGetValue(key, out var current) || documentRank > current)
            {
                latest[key] = documentRank;
            }
        }

        var result = new List<PlanTarget>(targets.Count);
        foreach (var t in targets)
        {
            result.Add(t with { Superseded = rank[t.DocumentId] < latest[(t.Indicator, t.Scope, t.Date)] });
        }

        return result;
    }

    private static string ReadScope(PlanCsvRow row, string field, string scope) =>
        PlanScopes.IsKnown(scope)
            ? scope
            : throw row.Fail(
                field,
                $"范围“{scope}”不是 520000、9 个市州或区域（{RegionCodes()}）的代码之一",
                $"unknown scope '{scope}' (expected 520000, one of the 9 prefecture codes or a region: {RegionCodes()})");

    private static string RegionCodes() => string.Join("、", PlanScopes.Regions.Select(r => r.Code));

    private static PlanDocument FindDocument(PlanCsvRow row, string field, Dictionary<string, PlanDocument> documents)
    {
        var id = row.Required(field);
        return documents.TryGetValue(id, out var document)
            ? document
            : throw row.Fail(field, $"documents.csv 中没有文件“{id}”", $"unknown document '{id}' (not in documents.csv)");
    }

    private static T Parse<T>(PlanCsvRow row, string field, TryParser<T> parse, string expected)
    {
        var text = row.Text(field);
        return parse(text, out var value)
            ? value
            : throw row.Fail(field, $"“{text}”无效，应为 {expected}", $"'{text}' is not valid; expected {expected}");
    }

    // N codes go on past N99 to three digits (N100); U codes are 专栏1's 序号 and stay two.
    [GeneratedRegex(@"^(?:U\d{2}|N\d{2,3})(?:-(?<from>\d{4})(?:-(?<to>\d{4}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeScheme();

    private delegate bool TryParser<T>(string text, out T value);
}
