namespace IntakePipeline.Core.Plan;

/// <summary>
/// The loaded plan: its documents, indicators and target points (superseded ones included), with the look-ups that
/// validation and evaluation need.
/// </summary>
public sealed class PlanCatalog
{
    private readonly Dictionary<string, PlanIndicator> _indicators;
    private readonly Dictionary<(string Indicator, string Scope), PlanTarget[]> _inForce;

    /// <summary>Builds a catalog from already-validated parts. Use <c>PlanCatalogLoader</c> to read one from files.</summary>
    /// <param name="documents">The source documents, oldest first.</param>
    /// <param name="indicators">The indicators.</param>
    /// <param name="targets">The target points, superseded ones included.</param>
    /// <param name="relations">The cross-indicator relations from checks.csv; none when omitted.</param>
    public PlanCatalog(
        IReadOnlyList<PlanDocument> documents,
        IReadOnlyList<PlanIndicator> indicators,
        IReadOnlyList<PlanTarget> targets,
        IReadOnlyList<PlanRelation>? relations = null)
    {
        Documents = documents;
        Indicators = indicators;
        Targets = targets;
        Relations = relations ?? [];
        _indicators = indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        _inForce = targets
            .Where(t => !t.Superseded)
            .GroupBy(t => (t.Indicator, t.Scope))
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.Date).ToArray());
    }

    /// <summary>The source documents, oldest first.</summary>
    public IReadOnlyList<PlanDocument> Documents { get; }

    /// <summary>Every indicator, in catalog order.</summary>
    public IReadOnlyList<PlanIndicator> Indicators { get; }

    /// <summary>Every target point, superseded ones included, in catalog order.</summary>
    public IReadOnlyList<PlanTarget> Targets { get; }

    /// <summary>The cross-indicator relations that <c>PlanConsistencyCheck</c> evaluates, in file order.</summary>
    public IReadOnlyList<PlanRelation> Relations { get; }

    /// <summary>Finds an indicator by code (case-sensitive), or returns null.</summary>
    public PlanIndicator? FindIndicator(string code) => _indicators.GetValueOrDefault(code);

    /// <summary>The in-force points of an indicator in one scope, ordered by date; empty when there are none.</summary>
    public IReadOnlyList<PlanTarget> TargetsInForce(string indicator, string scope) =>
        _inForce.TryGetValue((indicator, scope), out var points) ? points : [];

    /// <summary>
    /// The indicators a submitter reports: a prefecture reports those aggregated by <c>sum</c> or <c>weighted</c> and
    /// those with a target allocated to it; the province (520000) reports those that are not a plain sum of the
    /// prefectures (<c>none</c> and <c>weighted</c>) and have a provincial target, since sums are rolled up.
    /// </summary>
    public IReadOnlyList<PlanIndicator> IndicatorsFor(string submitter) =>
        Indicators.Where(i => IsReportedBy(i, submitter)).ToList();

    /// <summary>
    /// True when <paramref name="submitter"/> is expected to report <paramref name="indicator"/>. Always false for a
    /// code that is not a submitter, such as a region (Q01): a target scoped to a region is reported by nobody.
    /// </summary>
    public bool IsReportedBy(PlanIndicator indicator, string submitter) =>
        submitter == Submitters.Province
            ? indicator.Aggregation != IndicatorAggregation.Sum && _inForce.ContainsKey((indicator.Code, Submitters.Province))
            : Submitters.IsPrefecture(submitter)
                && (indicator.Aggregation != IndicatorAggregation.None || _inForce.ContainsKey((indicator.Code, submitter)));
}
