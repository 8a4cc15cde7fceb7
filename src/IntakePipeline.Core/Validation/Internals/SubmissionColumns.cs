namespace IntakePipeline.Core.Validation.Internals;

/// <summary>
/// Where each field's column is in a submission's header, resolved from the Chinese and English aliases. Header
/// problems (missing, duplicate and unknown columns) are reported while resolving.
/// </summary>
internal sealed class SubmissionColumns
{
    /// <summary>The Chinese names, indexed by <see cref="SubmissionField"/>.</summary>
    private static readonly string[] _chineseNames = ["指标代码", "数值", "单位", "期间", "市州代码", "备注", "指标名称", "上期值"];

    /// <summary>The English aliases, indexed by <see cref="SubmissionField"/>.</summary>
    private static readonly string[] _englishNames = ["indicator", "value", "unit", "period", "prefecture", "note", "name", "previous"];

    private readonly int[] _indexes;

    private SubmissionColumns(IReadOnlyList<string> headers, int[] indexes)
    {
        Headers = headers;
        _indexes = indexes;
    }

    /// <summary>The header cells as written.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The 0-based column of <paramref name="field"/>, or -1 when the file has none.</summary>
    public int IndexOf(SubmissionField field) => _indexes[(int)field];

    /// <summary>The header text of <paramref name="field"/>'s column as written, or its Chinese name when the file has none.</summary>
    public string HeaderOf(SubmissionField field) =>
        _indexes[(int)field] is var index and >= 0 ? Headers[index] : ChineseName(field);

    /// <summary>The Chinese name of a field, as the template writes it.</summary>
    public static string ChineseName(SubmissionField field) => _chineseNames[(int)field];

    /// <summary>The English alias of a field.</summary>
    public static string EnglishName(SubmissionField field) => _englishNames[(int)field];

    /// <summary>Maps the header onto the fields and adds the header's issues to <paramref name="issues"/>.</summary>
    public static SubmissionColumns Resolve(IReadOnlyList<string> headers, List<ValidationIssue> issues)
    {
        var indexes = new int[_chineseNames.Length];
        Array.Fill(indexes, -1);
        for (var column = 0; column < headers.Count; column++)
        {
            var header = headers[column] ?? string.Empty;
            if (string.IsNullOrWhiteSpace(header))
            {
                // Excel often writes empty trailing header cells; an unnamed column carries no field.
                continue;
            }

            // A header cell is shown again in reports and the ValidationIssues table, just like a data cell.
            if (SafeText.LooksLikeFormula(header))
            {
                issues.Add(IssueMessages.HeaderFormulaInjection(header));
                continue;
            }

            if (!TryMatch(header, out var field))
            {
                issues.Add(IssueMessages.ExtraLabel(header));
                continue;
            }

            var first = indexes[(int)field];
            if (first >= 0)
            {
                issues.Add(IssueMessages.DuplicateLabel(header, headers[first], ChineseName(field)));
                continue;
            }

            indexes[(int)field] = column;
        }

        foreach (var required in (ReadOnlySpan<SubmissionField>)[SubmissionField.Indicator, SubmissionField.Value])
        {
            if (indexes[(int)required] < 0)
            {
                issues.Add(IssueMessages.MissingLabel(ChineseName(required), EnglishName(required)));
            }
        }

        return new SubmissionColumns(headers, indexes);
    }

    private static bool TryMatch(string header, out SubmissionField field)
    {
        var normalized = FullWidth.FoldTrim(header);
        for (var i = 0; i < _chineseNames.Length; i++)
        {
            if (string.Equals(normalized, _chineseNames[i], StringComparison.Ordinal)
                || string.Equals(normalized, _englishNames[i], StringComparison.OrdinalIgnoreCase))
            {
                field = (SubmissionField)i;
                return true;
            }
        }

        field = default;
        return false;
    }
}
