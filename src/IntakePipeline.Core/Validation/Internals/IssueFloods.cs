using System.Globalization;
using System.Text;

namespace IntakePipeline.Core.Validation.Internals;

/// <summary>
/// Collapses floods of the same issue into one: when one problem repeats on many rows (the same code, severity, column
/// and value, as when a neighbour's file carries its own 市州代码 on every row), or many file-level issues share a code
/// (dozens of unknown columns), the report carries it once, at the first row, with <see cref="ValidationIssue.Count"/>
/// and a message that names the first few rows or columns. A list of 78 identical lines hides the one line that differs.
/// </summary>
internal static class IssueFloods
{
    /// <summary>A group of this many identical issues or more is reported once.</summary>
    public const int Threshold = 5;

    /// <summary>How many rows or columns the collapsed message names.</summary>
    private const int Named = 5;

    /// <summary>The issues with every flood collapsed, in the order of each group's first issue.</summary>
    public static List<ValidationIssue> Collapse(List<ValidationIssue> issues)
    {
        if (issues.Count < Threshold)
        {
            return issues;
        }

        var groups = new Dictionary<(string Code, IssueSeverity Severity, bool FileLevel, string? Column, string? Value), List<ValidationIssue>>();
        var keys = new (string, IssueSeverity, bool, string?, string?)[issues.Count];
        for (var i = 0; i < issues.Count; i++)
        {
            var issue = issues[i];
            var fileLevel = issue.Row is null;
            keys[i] = (issue.Code, issue.Severity, fileLevel, fileLevel ? null : issue.Column, fileLevel ? null : issue.Value);
            if (!groups.TryGetValue(keys[i], out var group))
            {
                group = [];
                groups.Add(keys[i], group);
            }

            group.Add(issue);
        }

        if (groups.Count == issues.Count)
        {
            return issues;
        }

        // Every issue keeps its place; a flood takes the place of its first issue.
        var collapsed = new List<ValidationIssue>(groups.Count);
        for (var i = 0; i < issues.Count; i++)
        {
            var group = groups[keys[i]];
            if (group.Count < Threshold)
            {
                collapsed.Add(issues[i]);
            }
            else if (ReferenceEquals(group[0], issues[i]))
            {
                collapsed.Add(Merge(group));
            }
        }

        return collapsed;
    }

    private static ValidationIssue Merge(List<ValidationIssue> group)
    {
        var first = group[0];
        var count = 0;
        foreach (var issue in group)
        {
            count += issue.Count;
        }

        var named = new StringBuilder();
        for (var i = 0; i < Math.Min(Named, group.Count); i++)
        {
            named.Append(i == 0 ? string.Empty : "、");
            if (first.Row is null)
            {
                named.Append('“').Append(group[i].Column ?? group[i].Value ?? "—").Append('”');
            }
            else
            {
                named.Append(group[i].Row!.Value.ToString(CultureInfo.InvariantCulture));
            }
        }

        var more = group.Count > Named ? "等" : string.Empty;
        var prefix = first.Row is null
            ? $"同类问题共 {count} 处（{named}{more}），以第一处为例："
            : $"同一问题出现在 {count} 行（第 {named} 行{more}），以第 {first.Row} 行为例：";
        return first with { Message = prefix + first.Message, Count = count };
    }
}
