using System.Text.Unicode;
using CsvHelper;

namespace IntakePipeline.Core.Plan;

/// <summary>Reads one catalog CSV (UTF-8, with or without BOM, RFC 4180, one header row) into rows keyed by column name.</summary>
internal static class PlanCsvTable
{
    private static readonly CsvReaderOptions _options = new()
    {
        Separator = ',',
        TrimWhitespace = true,
        // Empty lines stay records (skipped below), so that RowNumber + 1 is the row Excel shows.
        SkipEmptyLines = false,
        MalformedData = CsvMalformedDataHandling.Throw,
        DetectSeparatorHint = false,
    };

    public static List<PlanCsvRow> Read(Stream? stream, string file, IReadOnlyList<string> columns)
    {
        if (stream is null)
        {
            throw PlanCatalogException.At(file, null, null, "找不到该文件", "the file is missing");
        }

        var bytes = ReadAll(stream);

        // The reader would pass invalid bytes through; a GB18030 file saved by Excel must be refused, not garbled.
        if (!Utf8.IsValid(bytes))
        {
            throw PlanCatalogException.At(
                file, null, null, "文件不是 UTF-8 编码；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”", "the file is not UTF-8; save it from Excel as 'CSV UTF-8'");
        }

        try
        {
            using var csv = CsvReader.Create(bytes, _options);
            var header = MapHeader(csv.Headers, file, columns);
            var rows = new List<PlanCsvRow>();
            while (csv.Read())
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                var empty = true;
                foreach (var (name, index) in header)
                {
                    var value = index < csv.FieldCount ? csv.GetString(index) : "";
                    values[name] = value;
                    empty &= value.Length == 0;
                }

                if (!empty)
                {
                    rows.Add(new PlanCsvRow(file, checked((int)csv.RowNumber + 1), values));
                }
            }

            return rows;
        }
        catch (CsvFormatException e)
        {
            int? row = e.RecordNumber > 0 ? checked((int)e.RecordNumber) : null;
            throw PlanCatalogException.At(file, row, null, "CSV 格式有误（引号不配对或引号后还有文字）", "malformed CSV quoting", e);
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static Dictionary<string, int> MapHeader(IReadOnlyList<string> cells, string file, IReadOnlyList<string> columns)
    {
        if (cells.Count == 0)
        {
            throw PlanCatalogException.At(file, 1, null, "文件是空的，缺少表头行", "the file is empty; the header row is missing");
        }

        var header = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Length > 0 && !header.TryAdd(cells[i], i))
            {
                throw PlanCatalogException.At(file, 1, cells[i], "表头中该列重复", "the column appears twice in the header");
            }
        }

        // Rows are looked up by the canonical lower-case names, whatever case the header uses; other columns are ignored.
        var canonical = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            canonical[column] = header.TryGetValue(column, out var index)
                ? index
                : throw PlanCatalogException.At(
                    file, 1, column, $"表头缺少该列（应有：{string.Join(",", columns)}）", $"the header lacks this column (expected: {string.Join(",", columns)})");
        }

        return canonical;
    }
}
