using System.Globalization;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Tests.Validation;

/// <summary>Builds submission tables and contexts from compact text, so test tables read like the files they stand for.</summary>
internal static class TestSubmissions
{
    public static readonly YearMonth Period = new(2024, 6);
    public static readonly YearMonth Now = new(2024, 7);

    /// <summary>
    /// A table from lines separated by '\n' and cells by '|'. The first line is the header (row 1, as in a CSV), so
    /// the data rows are numbered from 2.
    /// </summary>
    public static SubmissionTable Table(string text, params ValidationIssue[] readerIssues)
    {
        var lines = text.Split('\n');
        var headers = lines[0].Split('|');
        var rows = new List<SubmissionRow>();
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split('|');
            var row = new SubmissionCell[Math.Max(headers.Length, cells.Length)];
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = c < cells.Length ? new SubmissionCell(cells[c]) : SubmissionCell.Empty;
            }

            rows.Add(new SubmissionRow(i + 1, row));
        }

        return new SubmissionTable(SubmissionFormat.Csv, "UTF-8", headers, rows, readerIssues);
    }

    /// <summary>A context: <c>520300@2024-06</c>, optionally followed by <c>;U14:2024-04=5.1,2024-05=5.6;P01:…</c>.</summary>
    public static SubmissionContext Context(string text = "520300@2024-06")
    {
        var parts = text.Split(';');
        var head = parts[0].Split('@');
        var series = new Dictionary<string, IReadOnlyList<MonthlyValue>>();
        foreach (var part in parts.Skip(1))
        {
            var (indicator, values) = (part.Split(':')[0], part.Split(':')[1]);
            series[indicator] = values.Split(',')
                .Select(v => v.Split('='))
                .Select(v => new MonthlyValue(YearMonth.Parse(v[0]), double.Parse(v[1], CultureInfo.InvariantCulture)))
                .ToList();
        }

        return new SubmissionContext(head[0], YearMonth.Parse(head[1]), Now, new SubmissionHistory(series));
    }

    public static SubmissionValidator Validator(ThresholdsOptions? thresholds = null) =>
        new(TestCatalog.Default, thresholds ?? new ThresholdsOptions());
}
