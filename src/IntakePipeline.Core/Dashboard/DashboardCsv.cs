using System.Globalization;
using System.Text;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Dashboard;

/// <summary>Writes a <see cref="DashboardSheet"/> as CSV in UTF-8 with a BOM, so that Excel opens the Chinese text as such.</summary>
public static class DashboardCsv
{
    /// <summary>The encoding of every file: UTF-8 with its BOM.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Writes the sheet: the header, then one line per row; numbers unrounded in invariant culture, text quoted where needed and formula-neutralised.</summary>
    public static void Write(TextWriter output, DashboardSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheet);
        output.Write(string.Join(',', sheet.Header.Select(Quote)));
        output.Write("\r\n");
        foreach (var row in sheet.Rows)
        {
            output.Write(string.Join(',', row.Select(c => c.Number is { } n ? n.ToString("R", CultureInfo.InvariantCulture) : Quote(c.Text ?? string.Empty))));
            output.Write("\r\n");
        }
    }

    private static string Quote(string text)
    {
        text = SafeText.NeutralizeFormula(text);
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
