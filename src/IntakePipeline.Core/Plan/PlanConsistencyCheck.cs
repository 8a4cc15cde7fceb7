using System.Text;
using IntakePipeline.Core.Formatting;

namespace IntakePipeline.Core.Plan;

/// <summary>
/// Checks a loaded catalog for inconsistencies and reports them as <see cref="PlanFinding"/>s, never as exceptions:
/// prefecture allocations that do not add up to the province's figure, relations from checks.csv that do not hold,
/// units that differ from the indicator's, duplicate points within one document, and (for information) restated
/// figures that changed.
/// </summary>
public static class PlanConsistencyCheck
{
    // Sums of decimal figures carry binary noise (2.56 + 10.98 + … is not exactly 41.08).
    private const double Noise = 1e-9;

    /// <summary>Runs every check over <paramref name="catalog"/>.</summary>
    /// <param name="catalog">The catalog to check.</param>
    /// <param name="options">The tolerances; <see cref="PlanConsistencyOptions.Default"/> when null.</param>
    /// <returns>The findings: allocation sums, relations, units, duplicate points, then restated values.</returns>
    /// <remarks>
    /// Allocations are compared per indicator and month for indicators aggregated by <c>sum</c> or <c>none</c> (whose
    /// prefecture points are parts of the province's figure); <c>weighted</c> ratios are not additive. The comparison
    /// is made as each document left the catalog: document by document, each scope takes its latest point issued up to
    /// then, so that a restated part (凯里 64) is compared with the province's figure still in force (650左右).
    /// </remarks>
    public static IReadOnlyList<PlanFinding> Run(PlanCatalog catalog, PlanConsistencyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        options ??= PlanConsistencyOptions.Default;
        var findings = new List<PlanFinding>();
        var context = new Context(catalog, options);
        CheckAllocations(context, findings);
        CheckRelations(context, findings);
        CheckUnits(context, findings);
        CheckDuplicates(context, findings);
        CheckRestatements(context, findings);
        return findings;
    }

    private static void CheckAllocations(Context context, List<PlanFinding> findings)
    {
        foreach (var indicator in context.Catalog.Indicators)
        {
            if (indicator.Aggregation == IndicatorAggregation.Weighted || !context.ByIndicator.TryGetValue(indicator.Code, out var targets))
            {
                continue;
            }

            foreach (var points in targets.GroupBy(t => t.Date).OrderBy(g => g.Key))
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var asOf in points.Select(context.Rank).Distinct().Order())
                {
                    var view = new Dictionary<string, PlanTarget>(StringComparer.Ordinal);
                    foreach (var point in points)
                    {
                        var rank = context.Rank(point);
                        if (rank <= asOf && (!view.TryGetValue(point.Scope, out var current) || rank > context.Rank(current)))
                        {
                            view[point.Scope] = point;
                        }
                    }

                    var parts = Submitters.Prefectures.Select(p => view.GetValueOrDefault(p.Code)).OfType<PlanTarget>().ToList();
                    if (!view.TryGetValue(Submitters.Province, out var whole) || parts.Count == 0
                        || !seen.Add(string.Join(",", parts.Prepend(whole).Select(p => $"{p.Scope}@{p.DocumentId}"))))
                    {
                        continue;
                    }

                    var sum = 0.0;
                    foreach (var part in parts)
                    {
                        sum += part.Value;
                    }

                    var tolerance = whole.Qualifier == TargetQualifier.About
                        ? Math.Max(context.Options.RoundingMargin, context.Options.AboutFraction * Math.Abs(whole.Value))
                        : context.Options.RoundingMargin;
                    if (Math.Abs(sum - whole.Value) <= tolerance + Noise)
                    {
                        continue;
                    }

                    var widened = whole.Qualifier == TargetQualifier.About
                        ? $"（全省为“左右”，容差按其 {DisplayNumber.Exact(context.Options.AboutFraction * 100)}% 放宽）"
                        : "";
                    var detail = string.Join("、", parts.Select(p => $"{ScopeName(p.Scope)} {DisplayNumber.Exact(p.Value)}"));
                    findings.Add(new PlanFinding(
                        PlanFindingKinds.AllocationSum,
                        indicator.Code,
                        $"{Label(indicator)} {points.Key}：{parts.Count}个市州的分配之和为 {DisplayNumber.Exact(sum)}{indicator.Unit}，全省为 {Figure(whole)}，"
                        + $"相差 {DisplayNumber.Exact(sum - whole.Value)}，超出容差 {DisplayNumber.Exact(tolerance)}{widened}。明细：{detail}。",
                        Sources(parts.Prepend(whole))));
                }
            }
        }
    }

    private static void CheckRelations(Context context, List<PlanFinding> findings)
    {
        foreach (var relation in context.Catalog.Relations)
        {
            var points = new List<PlanTarget>();
            var missing = relation.Left.Concat(relation.Right).Where(term => !context.TryResolve(term, points)).ToList();
            if (missing.Count > 0)
            {
                findings.Add(new PlanFinding(
                    PlanFindingKinds.Relation,
                    relation.Id,
                    $"检查 {relation.Id}（{relation.Note}）无法计算：没有有效的目标点 {string.Join("、", missing)}。",
                    Sources(points)));
                continue;
            }

            var left = Sum(relation.Left, points, 0);
            var right = Sum(relation.Right, points, relation.Left.Count);
            var tolerance = points.Exists(p => p.Qualifier == TargetQualifier.About)
                ? Math.Max(context.Options.RoundingMargin, context.Options.AboutFraction * Math.Max(Math.Abs(left), Math.Abs(right)))
                : context.Options.RoundingMargin;
            var holds = relation.Operator switch
            {
                PlanRelationOperator.Equal => Math.Abs(left - right) <= tolerance + Noise,
                PlanRelationOperator.AtLeast => left >= right - tolerance - Noise,
                _ => left <= right + tolerance + Noise,
            };
            if (holds)
            {
                continue;
            }

            var units = points.Select(p => p.Unit).Distinct(StringComparer.Ordinal).ToList();
            var unitNote = units.Count == 1 ? $"（单位：{units[0]}）" : $"（注意：涉及的单位不同：{string.Join("、", units)}）";
            findings.Add(new PlanFinding(
                PlanFindingKinds.Relation,
                relation.Id,
                $"检查 {relation.Id}（{relation.Note}）不成立：左边 {Side(relation.Left, points, 0, left)}，"
                + $"右边 {Side(relation.Right, points, relation.Left.Count, right)}，应为左边{PlanVocabulary.ToText(relation.Operator)}右边，"
                + $"相差 {DisplayNumber.Exact(left - right)}，容差 {DisplayNumber.Exact(tolerance)}{unitNote}。",
                Sources(points)));
        }
    }

    private static void CheckUnits(Context context, List<PlanFinding> findings)
    {
        foreach (var target in context.Catalog.Targets)
        {
            if (context.Catalog.FindIndicator(target.Indicator) is { } indicator && !string.Equals(target.Unit, indicator.Unit, StringComparison.Ordinal))
            {
                findings.Add(new PlanFinding(
                    PlanFindingKinds.Unit,
                    indicator.Code,
                    $"{Label(indicator)} {ScopeName(target.Scope)} {target.Date}：目标 {DisplayNumber.Exact(target.Value)} 的单位“{target.Unit}”与指标的单位“{indicator.Unit}”不一致。",
                    [target.Source]));
            }
        }
    }

    private static void CheckDuplicates(Context context, List<PlanFinding> findings)
    {
        foreach (var group in context.Catalog.Targets.GroupBy(t => (t.Indicator, t.Scope, t.Date, t.DocumentId)).Where(g => g.Count() > 1))
        {
            var (code, scope, date, document) = group.Key;
            var number = context.Catalog.Documents.FirstOrDefault(d => d.Id == document)?.Number ?? document;
            findings.Add(new PlanFinding(
                PlanFindingKinds.DuplicatePoint,
                code,
                $"{Label(context.Catalog.FindIndicator(code), code)} {ScopeName(scope)} {date}：同一文件{number}给出了 {group.Count()} 个目标点："
                + $"{string.Join("、", group.Select(p => $"{Figure(p)}（{p.Source}）"))}。",
                Sources(group)));
        }
    }

    private static void CheckRestatements(Context context, List<PlanFinding> findings)
    {
        foreach (var old in context.Catalog.Targets.Where(t => t.Superseded))
        {
            foreach (var current in context.Catalog.TargetsInForce(old.Indicator, old.Scope).Where(t => t.Date == old.Date))
            {
                if (current.Value.Equals(old.Value) && current.Qualifier == old.Qualifier)
                {
                    continue;
                }

                findings.Add(new PlanFinding(
                    PlanFindingKinds.RestatedValue,
                    old.Indicator,
                    $"{Label(context.Catalog.FindIndicator(old.Indicator), old.Indicator)} {ScopeName(old.Scope)} {old.Date}：{Figure(old)}（{old.Source}）"
                    + $"已被重述为 {Figure(current)}（{current.Source}），以后者为准。",
                    [old.Source, current.Source]));
            }
        }
    }

    private static double Sum(IReadOnlyList<PlanRelationTerm> terms, List<PlanTarget> points, int offset)
    {
        var sum = 0.0;
        for (var i = 0; i < terms.Count; i++)
        {
            sum += terms[i].Negated ? -points[offset + i].Value : points[offset + i].Value;
        }

        return sum;
    }

    private static string Side(IReadOnlyList<PlanRelationTerm> terms, List<PlanTarget> points, int offset, double total)
    {
        var expression = PlanRelation.FormatSide(terms);
        if (terms.Count == 1)
        {
            return $"{expression} = {DisplayNumber.Exact(total)}";
        }

        var values = new StringBuilder();
        for (var i = 0; i < terms.Count; i++)
        {
            if (i > 0 || terms[i].Negated)
            {
                values.Append(terms[i].Negated ? (i == 0 ? "-" : " - ") : " + ");
            }

            values.Append(DisplayNumber.Exact(points[offset + i].Value));
        }

        return $"{expression} = {values} = {DisplayNumber.Exact(total)}";
    }

    private static string Label(PlanIndicator indicator) => $"{indicator.Code} {indicator.Name}";

    private static string Label(PlanIndicator? indicator, string code) => indicator is null ? code : Label(indicator);

    private static string ScopeName(string scope) => PlanScopes.Describe(scope);

    private static string Figure(PlanTarget target) => $"{DisplayNumber.Exact(target.Value)}{target.Unit}{PlanVocabulary.ToText(target.Qualifier)}";

    private static List<string> Sources(IEnumerable<PlanTarget> points) => points.Select(p => p.Source).Distinct(StringComparer.Ordinal).ToList();

    private sealed class Context
    {
        private readonly Dictionary<string, int> _rank = new(StringComparer.Ordinal);

        public Context(PlanCatalog catalog, PlanConsistencyOptions options)
        {
            Catalog = catalog;
            Options = options;
            for (var i = 0; i < catalog.Documents.Count; i++)
            {
                _rank[catalog.Documents[i].Id] = i;
            }

            ByIndicator = catalog.Targets.GroupBy(t => t.Indicator, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        }

        public PlanCatalog Catalog { get; }

        public PlanConsistencyOptions Options { get; }

        public Dictionary<string, List<PlanTarget>> ByIndicator { get; }

        public int Rank(PlanTarget target) => _rank.GetValueOrDefault(target.DocumentId, -1);

        /// <summary>Adds the in-force point a term stands for to <paramref name="points"/>.</summary>
        public bool TryResolve(PlanRelationTerm term, List<PlanTarget> points)
        {
            foreach (var point in Catalog.TargetsInForce(term.Indicator, term.Scope))
            {
                if (point.Date == term.Date)
                {
                    points.Add(point);
                    return true;
                }
            }

            return false;
        }
    }
}
