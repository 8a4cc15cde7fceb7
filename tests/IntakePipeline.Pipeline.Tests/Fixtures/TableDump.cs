using System.Globalization;
using System.Text;
using IntakePipeline.Storage;

namespace IntakePipeline.Pipeline.Tests.Fixtures;

/// <summary>Whole-table dumps as text, for comparing runs: every row and typed column except ProcessedAt.</summary>
internal static class TableDump
{
    public static async Task<string> OfAsync(ITableStore tables, TableNames names)
    {
        var text = new StringBuilder();
        foreach (var table in names.All)
        {
            text.Append("## ").AppendLine(table[9..]);
            await foreach (var row in tables.QueryAsync(table, TableQuery.All))
            {
                text.Append(row.PartitionKey).Append(" / ").Append(row.RowKey);
                foreach (var (name, value) in row.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (name != "ProcessedAt")
                    {
                        text.Append(" ; ").Append(name).Append(':').Append(value.GetType().Name).Append('=')
                            .Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                    }
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }
}
