using IntakePipeline.Host.Standalone;

namespace IntakePipeline.Host.Tests.Standalone;

public sealed class SubmissionTreeTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("intake-tree-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Read_CodeMonthFileTree_ListsFilesOldestMonthFirst()
    {
        Create("520300/2024-02/b.csv", "520300/2024-01/a.xlsx", "520100/2024-02/z.json", "520100/2023-12/y.csv");

        var tree = SubmissionTree.Read(_root, submitter: null);

        Assert.Empty(tree.Problems);
        Assert.Equal(
            ["520100/2023-12/y.csv", "520300/2024-01/a.xlsx", "520100/2024-02/z.json", "520300/2024-02/b.csv"],
            tree.Files.Select(f => f.Path));
        Assert.Equal(["2023-12", "2024-01", "2024-02"], tree.Months.Select(m => m.Key.ToString()));
        var first = tree.Files[0];
        Assert.Equal(("520100", "y.csv"), (first.Submitter, first.File.Name));
    }

    [Fact]
    public void Read_MonthFileTreeWithPrefecture_GivesEveryFileThatSubmitter()
    {
        Create("2024-03/遵义市-2024-03.csv", "2024-01/遵义市-2024-01.csv");

        var tree = SubmissionTree.Read(_root, submitter: "520300");

        Assert.Empty(tree.Problems);
        Assert.Equal(["2024-01/遵义市-2024-01.csv", "2024-03/遵义市-2024-03.csv"], tree.Files.Select(f => f.Path));
        Assert.All(tree.Files, f => Assert.Equal("520300", f.Submitter));
    }

    [Theory]
    [InlineData(null, "520300/2024-6/a.csv", "文件夹“520300/2024-6”：“2024-6”不是月份，应写作 2024-06。")]
    [InlineData(null, "520301/2024-06/a.csv", "“520301”不是报送单位代码；第一层文件夹应为代码，例如 520300（{代码}/{yyyy-MM}/{文件}）。")]
    [InlineData(null, "2024-06/a.csv", "“2024-06”是月份文件夹：一个报送单位的文件夹（{yyyy-MM}/{文件}）请加 --prefecture 指明单位，例如 --prefecture 520300。")]
    [InlineData(null, "a.csv", "“a.csv”：文件应放在月份文件夹里（{代码}/{yyyy-MM}/{文件}）。")]
    [InlineData(null, "520300/a.csv", "“520300/a.csv”：文件应放在月份文件夹里（{代码}/{yyyy-MM}/{文件}）。")]
    [InlineData(null, "520300/2024-06/old/a.csv", "“520300/2024-06/old”：月份文件夹里不能再有文件夹。")]
    [InlineData(null, "520300/2024-06/说明.docx", "“520300/2024-06/说明.docx”：只能上传 .csv、.xlsx 或 .json 文件。")]
    [InlineData("520300", "520300/2024-06/a.csv", "文件夹“520300”：“520300”不是月份，应写作 yyyy-MM，例如 2024-06。")]
    [InlineData("520300", "a.csv", "“a.csv”：文件应放在月份文件夹里（{yyyy-MM}/{文件}）。")]
    public void Read_MisplacedEntry_NamesItAndTheLayout(string? submitter, string path, string problem)
    {
        Create("520300/2024-05/ok.csv", "2024-05/ok.csv", path);

        var tree = SubmissionTree.Read(_root, submitter);

        Assert.Contains(problem, tree.Problems);
    }

    [Fact]
    public void Read_EmptyFolder_SaysThereIsNothingToUpload()
    {
        var tree = SubmissionTree.Read(_root, submitter: null);

        Assert.Empty(tree.Files);
        Assert.Equal($"文件夹“{_root.FullName}”里没有要上传的文件（{{代码}}/{{yyyy-MM}}/{{文件}}）。", Assert.Single(tree.Problems));
    }

    private void Create(params string[] paths)
    {
        foreach (var path in paths)
        {
            var file = new FileInfo(Path.Combine(_root.FullName, path));
            file.Directory!.Create();
            File.WriteAllText(file.FullName, "指标代码,数值,单位\n");
        }
    }
}
