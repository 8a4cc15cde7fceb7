using System.Text;

namespace IntakePipeline.Core.Tests.Corpus;

/// <summary>Text files of the corpus in the encodings officers' tools write.</summary>
internal static class CorpusText
{
    /// <summary>The usual good CSV: U14 5 万户 and U19 99.37 %.</summary>
    public const string GoodCsv = "指标代码,数值,单位\nU14,5,万户\nU19,99.37,%\n";

    /// <summary>The usual good JSON, with the same two rows.</summary>
    public const string GoodJson = """[{"指标代码":"U14","数值":"5","单位":"万户"},{"指标代码":"U19","数值":99.37,"单位":"%"}]""";

    private static readonly Encoding _gb18030 = CreateGb18030();

    // Explicit, so the code pages are there before any field is read, whatever runs first.
    static CorpusText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static HostileFile Utf8(string name, string text) => new(name, () => Encoding.UTF8.GetBytes(text));

    public static HostileFile Utf8Bom(string name, string text) => new(name, () => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]);

    public static HostileFile Gb18030(string name, string text) => new(name, () => _gb18030.GetBytes(text));

    public static HostileFile Encoded(string name, string text, int codePage) =>
        new(name, () => Encoding.GetEncoding(codePage).GetBytes(text));

    public static HostileFile Bytes(string name, Func<byte[]> build) => new(name, build);

    /// <summary>A CSV of the header and rows given, one line each.</summary>
    public static HostileFile Csv(string name, params string[] lines) => Utf8(name, string.Join('\n', lines) + "\n");

    private static Encoding CreateGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    }
}
