using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IntakePipeline.Pipeline;
using IntakePipeline.Storage;

namespace IntakePipeline.Host.Tests.Reliability;

/// <summary>
/// One set of the pipeline's tables under a name prefix (<c>CrashSubmissions</c>, <c>CleanSubmissions</c>…), so that
/// two runs over the same blobs in one account write side by side and can be compared.
/// </summary>
internal sealed class TableSet(string prefix)
{
    private static readonly Regex _sasQuery = new(@"\?sv=[^""\s<]+", RegexOptions.CultureInvariant);

    /// <summary>
    /// Columns that legitimately differ between two runs over the same blob versions, and only those:
    /// <list type="bullet">
    /// <item><c>Timestamp</c> and the ETag: set by the service on every write (not properties of <see cref="TableRow"/>,
    /// so never dumped).</item>
    /// <item><c>ProcessedAt</c> (Submissions, BlobReceipts): the wall-clock time of processing.</item>
    /// <item><c>NotifiedAt</c> (Alerts), <c>QueuedAt</c> and <c>SentAt</c> (Outbox): the wall-clock time a change was
    /// recorded, queued and sent; <c>RecordedAt</c> (the <c>installation</c> row of BlobReceipts): when the first
    /// deadline check ran.</item>
    /// </list>
    /// <c>ReceivedAt</c> is kept: it is the blob's last-modified time, the same for both runs. So are CorrelationId
    /// (a hash of the blob version), Attempts and every value.
    /// </summary>
    public static readonly IReadOnlySet<string> ExcludedColumns = new HashSet<string>(StringComparer.Ordinal) { "ProcessedAt", "NotifiedAt", "QueuedAt", "SentAt", "RecordedAt" };

    public string Prefix { get; } = prefix;

    public TableNames Names { get; } = new()
    {
        PlanIndicators = prefix + "PlanIndicators",
        PlanTargets = prefix + "PlanTargets",
        Submissions = prefix + "Submissions",
        Observations = prefix + "Observations",
        ValidationIssues = prefix + "ValidationIssues",
        Scorecard = prefix + "Scorecard",
        ScorecardLatest = prefix + "ScorecardLatest",
        Alerts = prefix + "Alerts",
        Outbox = prefix + "Outbox",
        BlobReceipts = prefix + "BlobReceipts",
        Poison = prefix + "Poison",
    };

    /// <summary>The environment variables that point <c>intake run</c> at this set (<c>Tables__Submissions=…</c>).</summary>
    public IEnumerable<KeyValuePair<string, string>> Environment()
    {
        foreach (var property in typeof(TableNames).GetProperties())
        {
            if (property.PropertyType == typeof(string))
            {
                yield return new($"{TableNames.SectionName}__{property.Name}", (string)property.GetValue(Names)!);
            }
        }
    }

    /// <summary>Every row of every table of the set, sorted by key, one line each, without <see cref="ExcludedColumns"/>.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> DumpAsync(ITableStore tables)
    {
        var dump = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var table in Names.All)
        {
            var lines = new List<string>();
            await foreach (var row in tables.QueryAsync(table, TableQuery.All))
            {
                var line = new StringBuilder().Append(row.PartitionKey).Append(" / ").Append(row.RowKey);
                foreach (var (name, value) in row.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!ExcludedColumns.Contains(name))
                    {
                        // A signed link's expiry and signature depend on the moment it was signed, so only the link is compared.
                        var text = _sasQuery.Replace(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, "?sas");
                        line.Append(" ; ").Append(name).Append(':').Append(value.GetType().Name).Append('=').Append(text);
                    }
                }

                lines.Add(line.ToString());
            }

            dump[table[Prefix.Length..]] = lines;
        }

        return dump;
    }

    /// <summary>How many blob versions have a final receipt (processed, or poisoned).</summary>
    public async Task<int> CountFinalReceiptsAsync(ITableStore tables)
    {
        var count = 0;
        try
        {
            await foreach (var row in tables.QueryAsync(Names.BlobReceipts, new TableQuery { Select = ["Outcome"] }))
            {
                if (row.PartitionKey != "hint" && row.GetString("Outcome") is { } outcome && outcome != "Retrying")
                {
                    count++;
                }
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // The host has not created the tables yet.
        }

        return count;
    }

    /// <summary>The outcome of every receipt (one per blob version), with its <c>container/name</c>.</summary>
    public async Task<List<(string Blob, string Outcome)>> OutcomesAsync(ITableStore tables)
    {
        var outcomes = new List<(string, string)>();
        await foreach (var row in tables.QueryAsync(Names.BlobReceipts, TableQuery.All))
        {
            if (row.PartitionKey.StartsWith("intake-", StringComparison.Ordinal))
            {
                outcomes.Add((row.PartitionKey + "/" + row.GetString("Name"), row.GetString("Outcome") ?? string.Empty));
            }
        }

        return outcomes;
    }
}
