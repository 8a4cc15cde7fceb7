using IntakePipeline.Core.Intake;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Tests.Validation;

public class ValidationReportHtmlTests
{
    [Fact]
    public void Render_Rejected_ListsEveryIssueEscaped()
    {
        var report = new ValidationReport(SubmissionFormat.Csv, "GB18030", 2,
            [
                new ValidationIssue(IssueCodes.TypeError, IssueSeverity.Error, 3, "数值", "<b>十二</b>", "第 3 行“数值”列无法识别为数字。"),
                new ValidationIssue(IssueCodes.FormulaInjection, IssueSeverity.Error, 4, "备注", "=cmd()", "以 = 开头的文字不允许。"),
            ],
            []);

        var html = ValidationReportHtml.Render(report, "intake-520300/2024-06/遵义.csv", [new("报送单位", "遵义市（520300）")]);

        Assert.Contains("已退回", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;十二&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&#39;=cmd()", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>十二", html, StringComparison.Ordinal);
        Assert.Contains("遵义市（520300）", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Issues_ShortColumnsStayOnOneLine()
    {
        var report = new ValidationReport(SubmissionFormat.Csv, "UTF-8", 1,
            [new ValidationIssue(IssueCodes.UnknownIndicator, IssueSeverity.Error, 2, "指标代码", "U99", new string('长', 120))],
            []);

        var html = ValidationReportHtml.Render(report, "x.csv", []);

        Assert.Contains(".short{white-space:nowrap;min-width:3em}", html, StringComparison.Ordinal);
        Assert.Contains("<th class=\"short\">行</th><th class=\"short\">列</th><th class=\"short\">级别</th><th class=\"short\">代码</th><th>值</th><th>说明</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"short\">2</td><td class=\"short\">指标代码</td><td class=\"short\">错误</td><td class=\"short\">unknown-indicator</td><td>U99</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithTemplate_LinksIt()
    {
        var report = new ValidationReport(SubmissionFormat.Csv, "UTF-8", 0, [], []);

        var html = ValidationReportHtml.Render(report, "x.csv", [], ("../templates/2024-07.xlsx", "reports-520300/templates/2024-07.xlsx"));

        Assert.Contains("<a href=\"../templates/2024-07.xlsx\">reports-520300/templates/2024-07.xlsx</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", ValidationReportHtml.Render(report, "x.csv", []), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Accepted_ShowsObservations()
    {
        var report = new ValidationReport(SubmissionFormat.Json, null, 1, [], [new Observation("U14", 7.3, "万户")]);

        var html = ValidationReportHtml.Render(report, "x.json", []);

        Assert.Contains("已接收", html, StringComparison.Ordinal);
        Assert.Contains("<td>U14</td><td>7.3</td><td>万户</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Accepted_ValuesExactAsStored()
    {
        var report = new ValidationReport(SubmissionFormat.Json, null, 2, [], [new Observation("U34", 0.000125, "人/亿元"), new Observation("U14", 12345.678, "万户")]);

        var html = ValidationReportHtml.Render(report, "x.json", []);

        Assert.Contains("<td>U34</td><td>0.000125</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>U14</td><td>12345.678</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SystemFactStartingWithMinus_NotPrefixedButSubmittedValueIs()
    {
        var report = new ValidationReport(SubmissionFormat.Csv, "UTF-8", 1,
            [new ValidationIssue(IssueCodes.FormulaInjection, IssueSeverity.Error, 2, "备注", "=1+2", "以 = 开头的文字不允许。")], []);

        var html = ValidationReportHtml.Render(report, "intake-520300/2024-06/遵义.csv", [new("与上月相比", "-2.27 万户")]);

        Assert.Contains("<td>-2.27 万户</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&#39;=1+2</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MisplacedFile_AdvisesTheRightFolderNotTheSameOne()
    {
        var issue = new MisplacedFile("520300", "2024-6/遵义-6月.csv", new YearMonth(2026, 11)).ToIssue();
        var report = new ValidationReport(SubmissionFormat.Csv, null, 0, [issue], []);

        var html = ValidationReportHtml.Render(report, "intake-520300/2024-6/遵义-6月.csv", []);

        Assert.Contains("结果：未处理（文件位置不对）", html, StringComparison.Ordinal);
        Assert.Contains("移到（或重新上传到）正确的期间目录", html, StringComparison.Ordinal);
        Assert.Contains("intake-520300/2026-11/遵义-6月.csv", html, StringComparison.Ordinal);
        Assert.DoesNotContain("同一目录", html, StringComparison.Ordinal);
        Assert.DoesNotContain("已退回", html, StringComparison.Ordinal);
    }
}
