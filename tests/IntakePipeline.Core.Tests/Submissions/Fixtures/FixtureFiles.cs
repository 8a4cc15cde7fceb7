using System.Runtime.CompilerServices;

namespace IntakePipeline.Core.Tests.Submissions.Fixtures;

/// <summary>
/// Bundled fixture files, found next to this source file so that the shared test project needs no copy rules.
/// <c>libreoffice-sample.xlsx</c> is <c>libreoffice-sample.source.csv</c> converted by LibreOffice 7 with
/// <c>soffice --headless --convert-to xlsx --infilter="CSV:44,34,76,1,,0,false,true,false,false,false,-1,true"</c>:
/// a workbook from a writer other than our own fixtures, with custom percent and date formats and a formula.
/// </summary>
internal static class FixtureFiles
{
    public static byte[] Read(string name) =>
        File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(ThisFile())!, name));

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
