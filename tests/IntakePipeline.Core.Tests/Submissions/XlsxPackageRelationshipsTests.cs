using System.Text;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Tests.Corpus;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Tests.Submissions;

public class XlsxPackageRelationshipsTests
{
    private const string WorkbookRels = "xl/_rels/workbook.xml.rels";
    private static readonly LimitsOptions _limits = new();

    [Theory]
    [InlineData("worksheets/sheet1.xml")]
    [InlineData("/xl/worksheets/sheet1.xml")]
    [InlineData("../xl/worksheets/sheet1.xml")]
    [InlineData("./worksheets/%73heet1.xml")]
    public void Check_TargetThatResolvesToAPart_IsNull(string target)
    {
        Assert.Null(Check(WithSheetTarget(target)));
    }

    [Theory]
    [InlineData("../../../etc/passwd")]
    [InlineData("worksheets/sheet2.xml")]
    [InlineData("../../xl/worksheets/sheet1.xml")]
    [InlineData("")]
    public void Check_TargetOutsideOrMissing_NamesTheRelationshipsPartAndTarget(string target)
    {
        var issue = Check(WithSheetTarget(target));

        Assert.Equal(IssueCodes.UnreadableFile, issue?.Code);
        Assert.Contains(WorkbookRels, issue?.Message, StringComparison.Ordinal);
        Assert.Equal(target, issue?.Value);
    }

    [Fact]
    public void Check_ExternalTarget_IsIgnored()
    {
        var workbook = CorpusWorkbook.Of(CorpusWorkbook.GoodRows).Override(
            "xl/worksheets/_rels/sheet1.xml.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"t\" Target=\"http://127.0.0.1:9/x\" TargetMode=\"External\"/></Relationships>");

        Assert.Null(Check(workbook.Build()));
    }

    [Fact]
    public void Check_MalformedRelationships_NamesThePartAndPosition()
    {
        var issue = Check(CorpusWorkbook.Of(CorpusWorkbook.GoodRows).Override(WorkbookRels, "<Relationships><Relationship").Build());

        Assert.Equal(IssueCodes.UnreadableFile, issue?.Code);
        Assert.StartsWith(WorkbookRels + " 第 1 行", issue?.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Id=\"rId2\"", "Id=\"rId1\"", "关系 rId1")]
    [InlineData(" Id=\"rId2\"", "", "关系 （无编号）")]
    [InlineData("Target=\"styles.xml\"", "Target=\"styles.xml\" TargetMode=\"Sideways\"", "TargetMode=\"Sideways\"")]
    public void Check_MalformedRelationship_NamesTheRelationshipsPart(string find, string replace, string value)
    {
        var workbook = CorpusWorkbook.Of(CorpusWorkbook.GoodRows);
        var rels = Encoding.UTF8.GetString(workbook.Parts().Single(p => p.Name == WorkbookRels).Content);

        var issue = Check(workbook.Override(WorkbookRels, rels.Replace(find, replace, StringComparison.Ordinal)).Build());

        Assert.Equal(value, issue?.Value);
        Assert.Contains(WorkbookRels, issue?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TwoEntriesWithOneName_IsUnreadable()
    {
        var entries = CorpusZip.EntriesOf(CorpusWorkbook.Of(CorpusWorkbook.GoodRows));
        var zip = CorpusZip.Write([.. entries, new CorpusZip.Entry("xl/worksheets/sheet1.xml", Encoding.UTF8.GetBytes("<worksheet/>"))]);

        var issue = Check(zip);

        Assert.Equal("xl/worksheets/sheet1.xml", issue?.Value);
    }

    private static ValidationIssue? Check(byte[] zip) => XlsxPackageRelationships.Check(new MemoryStream(zip), _limits);

    private static byte[] WithSheetTarget(string target)
    {
        var workbook = CorpusWorkbook.Of(CorpusWorkbook.GoodRows);
        var rels = Encoding.UTF8.GetString(workbook.Parts().Single(p => p.Name == WorkbookRels).Content);
        return workbook.Override(WorkbookRels, rels.Replace("Target=\"worksheets/sheet1.xml\"", $"Target=\"{target}\"", StringComparison.Ordinal)).Build();
    }
}
