using System.Globalization;
using System.Text.RegularExpressions;

namespace IntakePipeline.Core.Plan;

/// <summary>One data row of a catalog file, with typed readers that fail with the file, row and field.</summary>
internal sealed partial class PlanCsvRow
{
    private readonly Dictionary<string, string> _values;

    public PlanCsvRow(string file, int number, Dictionary<string, string> values)
    {
        File = file;
        Row = number;
        _values = values;
    }

    /// <summary>The file's display name.</summary>
    public string File { get; }

    /// <summary>The row as Excel shows it (the header is row 1).</summary>
    public int Row { get; }

    /// <summary>The trimmed text of a column; empty when the cell is empty.</summary>
    public string Text(string field) => _values.GetValueOrDefault(field, "");

    public string Required(string field)
    {
        var text = Text(field);
        return text.Length > 0 ? text : throw Fail(field, "不能为空", "must not be empty");
    }

    public double Number(string field)
    {
        var text = Required(field);
        return TryParseNumber(text, out var value)
            ? value
            : throw Fail(field, $"“{text}”不是数字（请写普通数字，如 41.08，不带单位和千位分隔符）", $"'{text}' is not a plain number such as 41.08");
    }

    public double? OptionalNumber(string field) => Text(field).Length == 0 ? null : Number(field);

    public YearMonth Month(string field)
    {
        var text = Required(field);
        return TryParseMonth(text, out var month)
            ? month
            : throw Fail(field, $"“{text}”不是年月（应写作 yyyy-MM，如 2025-12）", $"'{text}' is not a month in the form yyyy-MM");
    }

    public YearMonth? OptionalMonth(string field) => Text(field).Length == 0 ? null : Month(field);

    public PlanCatalogException Fail(string field, string chinese, string english) =>
        PlanCatalogException.At(File, Row, field, chinese, english);

    internal static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    /// <summary>
    /// Reads <c>yyyy-MM</c>, and also the forms Excel writes back when it has turned the cell into a date
    /// (2025/12, 2025/12/1, 2025-12-01, 2025年12月), so that a round trip through Excel does not break the catalog.
    /// </summary>
    internal static bool TryParseMonth(string text, out YearMonth month)
    {
        if (YearMonth.TryParse(text, out month))
        {
            return true;
        }

        var match = ExcelMonth().Match(text);
        if (match.Success
            && int.TryParse(match.Groups["y"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(match.Groups["m"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number is >= 1 and <= 12)
        {
            month = new YearMonth(year, number);
            return true;
        }

        month = default;
        return false;
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:(?:[/\-](?<m>\d{1,2})(?:[/\-]0?1)?)|(?:年(?<m>\d{1,2})月(?:1日)?))$", RegexOptions.CultureInvariant)]
    private static partial Regex ExcelMonth();
}
