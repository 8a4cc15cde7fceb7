using System.Text;

namespace IntakePipeline.Core.Tests.Plan;

/// <summary>A small valid catalog written to a temporary folder, which a test may then break on purpose.</summary>
internal sealed class PlanCatalogFolder : IDisposable
{
    public const string Documents = """
        id,number,title,issued
        d1,文件一号,计划一,2022-01
        d2,文件二号,计划二,2023-07
        """;

    public const string Indicators = """
        code,name,unit,category,kind,direction,aggregation,frequency,window_start,window_end,flow2020,document,section,note
        U01,甲,%,类,level,up,none,annual,,,,d1,专栏1 序号1,
        U13,乙,万户,类,cumulative,up,sum,monthly,2021-01,2025-12,5.7,d1,专栏1 序号13,
        """;

    // Rows as Excel shows them: header 1, then 2…6.
    public const string Targets = """
        indicator,scope,date,value,unit,qualifier,document,section,note
        U01,520000,2020-12,53.15,%,,d1,专栏1 序号1,
        U01,520000,2025-12,62,%,左右,d1,专栏1 序号1,
        U01,520000,2025-12,60,%,左右,d2,二,
        U13,520000,2023-12,41,万户,,d1,专栏4,
        U13,520100,2023-12,2.56,万户,,d1,专栏4,
        """;

    public const string Checks = """
        id,left,relation,right,note
        C01,U13|520000|2023-12,不小于,U13|520100|2023-12,全省不少于贵阳
        """;

    public PlanCatalogFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "plan-catalog-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        Write("documents.csv", Documents);
        Write("indicators.csv", Indicators);
        Write("targets.csv", Targets);
        Write("checks.csv", Checks);
    }

    public string Path { get; }

    public void Write(string file, string text) => Write(file, Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray());

    public void Write(string file, byte[] bytes) => File.WriteAllBytes(System.IO.Path.Combine(Path, file), bytes);

    public void Replace(string file, string find, string replace)
    {
        var full = System.IO.Path.Combine(Path, file);
        var text = File.ReadAllText(full);
        Assert.Contains(find, text, StringComparison.Ordinal);
        Write(file, text.Replace(find, replace, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
