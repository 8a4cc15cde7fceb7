using IntakePipeline.Core.Plan;
using IntakePipeline.Pipeline.Internals;
using IntakePipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline;

/// <summary>
/// Publishes the plan catalog into the <c>PlanIndicators</c> and <c>PlanTargets</c> tables for reporting tools
/// (docs/tables.md). Every row is an insert-or-replace on a deterministic key, in batches of at most 100 per
/// partition, so publishing twice changes nothing but timestamps.
/// </summary>
/// <remarks>
/// <para><c>PlanIndicators</c>: PartitionKey <c>plan</c>, RowKey the indicator code; columns Name, Unit, Category, Kind,
/// Direction, Aggregation, Frequency (the catalog's words: <c>level</c>, <c>up</c>, <c>sum</c>, <c>monthly</c>, …),
/// WindowStart and WindowEnd (<c>yyyy-MM</c>, cumulative indicators only), Flow2020 (double, when known) and Source.</para>
/// <para><c>PlanTargets</c>: PartitionKey the indicator code, RowKey <c>{scope}|{yyyy-MM}|{document id}</c>; columns
/// Value (double), Unit, Qualifier (左右/以上/以内/以下, absent when none), Source and Superseded (bool). When one document
/// gives two points for the same indicator, scope and month (the seeds' U18: 77.5 in 专栏1 and 77以上 in the text of
/// 〔2022〕22号), the second in catalog order gets the RowKey suffix <c>|2</c> (the third <c>|3</c>), so both are kept.</para>
/// Rows of indicators or targets later removed from the catalog are not deleted.
/// </remarks>
public sealed class PlanPublisher
{
    /// <summary>The PartitionKey of every <c>PlanIndicators</c> row.</summary>
    public const string IndicatorPartition = "plan";

    private readonly ITableStore _tables;
    private readonly TableNames _names;
    private readonly ILogger<PlanPublisher> _logger;

    /// <summary>Creates the publisher.</summary>
    /// <param name="tables">The table store.</param>
    /// <param name="names">The table names.</param>
    /// <param name="logger">The logger.</param>
    public PlanPublisher(ITableStore tables, IOptions<TableNames> names, ILogger<PlanPublisher> logger)
    {
        ArgumentNullException.ThrowIfNull(names);
        _tables = tables;
        _names = names.Value;
        _logger = logger;
    }

    /// <summary>Upserts every indicator and every target point (superseded ones included) of <paramref name="catalog"/>.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="cancellationToken">Cancels the publishing between batches.</param>
    /// <returns>The number of entities written.</returns>
    /// <exception cref="Azure.RequestFailedException">A table is missing (run <see cref="StorageSetup.EnsureAsync"/> first) or storage failed.</exception>
    public async Task<int> PublishAsync(PlanCatalog catalog, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var indicators = new List<TableBatchOperation>(catalog.Indicators.Count);
        foreach (var indicator in catalog.Indicators)
        {
            indicators.Add(TableBatchOperation.UpsertReplace(IndicatorRow(indicator)));
        }

        var targets = new List<TableBatchOperation>(catalog.Targets.Count);
        var seen = new Dictionary<(string Indicator, string RowKey), int>();
        foreach (var target in catalog.Targets)
        {
            var key = TargetRowKey(target);
            var occurrence = seen[(target.Indicator, key)] = seen.GetValueOrDefault((target.Indicator, key)) + 1;
            targets.Add(TableBatchOperation.UpsertReplace(TargetRow(target, occurrence == 1 ? key : $"{key}|{occurrence}")));
        }

        var written = await TableBatches.SubmitAsync(_tables, _names.PlanIndicators, indicators, cancellationToken).ConfigureAwait(false);
        written += await TableBatches.SubmitAsync(_tables, _names.PlanTargets, targets, cancellationToken).ConfigureAwait(false);
        _logger.PlanPublished(catalog.Indicators.Count, catalog.Targets.Count);
        return written;
    }

    /// <summary>The RowKey of a target point: <c>{scope}|{yyyy-MM}|{document id}</c>.</summary>
    /// <param name="target">The point.</param>
    /// <returns>The key.</returns>
    public static string TargetRowKey(PlanTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return $"{target.Scope}|{target.Date}|{target.DocumentId}";
    }

    internal static TableRow IndicatorRow(PlanIndicator indicator) => new(IndicatorPartition, indicator.Code)
    {
        ["Name"] = indicator.Name,
        ["Unit"] = indicator.Unit,
        ["Category"] = indicator.Category,
        ["Kind"] = PlanVocabulary.ToText(indicator.Kind),
        ["Direction"] = PlanVocabulary.ToText(indicator.Direction),
        ["Aggregation"] = PlanVocabulary.ToText(indicator.Aggregation),
        ["Frequency"] = PlanVocabulary.ToText(indicator.Frequency),
        ["WindowStart"] = indicator.Window?.Start.ToString(),
        ["WindowEnd"] = indicator.Window?.End.ToString(),
        ["Flow2020"] = indicator.Flow2020,
        ["Source"] = indicator.Source,
    };

    internal static TableRow TargetRow(PlanTarget target, string rowKey) => new(target.Indicator, rowKey)
    {
        ["Value"] = target.Value,
        ["Unit"] = target.Unit,
        ["Qualifier"] = target.Qualifier == TargetQualifier.None ? null : PlanVocabulary.ToText(target.Qualifier),
        ["Source"] = target.Source,
        ["Superseded"] = target.Superseded,
    };
}
