using System.Globalization;
using System.Security;

namespace IntakePipeline.Core.Tests.Corpus;

/// <summary>One SpreadsheetML cell, written as raw XML so that any cell type, style or malformation can be made.</summary>
internal readonly record struct XCell(string Body, string? Type = null, int Style = 0)
{
    /// <summary>An inline string cell.</summary>
    public static XCell Text(string text) => new($"<is><t xml:space=\"preserve\">{Escape(text)}</t></is>", "inlineStr");

    /// <summary>A shared string cell, by its index in the shared string table.</summary>
    public static XCell Shared(int index) => new($"<v>{index.ToString(CultureInfo.InvariantCulture)}</v>", "s");

    /// <summary>A number cell whose stored text is given verbatim.</summary>
    public static XCell Number(string stored, int style = 0) => new($"<v>{stored}</v>", null, style);

    /// <summary>A boolean cell.</summary>
    public static XCell Boolean(bool value) => new($"<v>{(value ? 1 : 0)}</v>", "b");

    /// <summary>An error cell such as <c>#N/A</c>.</summary>
    public static XCell Error(string error) => new($"<v>{Escape(error)}</v>", "e");

    /// <summary>A formula cell; a null cached value writes no <c>&lt;v&gt;</c>.</summary>
    public static XCell Formula(string formula, string? cached, string? type = null, int style = 0) =>
        new($"<f>{Escape(formula)}</f>" + (cached is null ? string.Empty : $"<v>{Escape(cached)}</v>"), type, style);

    /// <summary>A cell with arbitrary inner XML.</summary>
    public static XCell Raw(string body, string? type = null, int style = 0) => new(body, type, style);

    /// <summary>The cell's XML at <paramref name="reference"/>; a null reference leaves out the <c>r</c> attribute.</summary>
    public string Xml(string? reference) =>
        "<c" + (reference is null ? string.Empty : $" r=\"{reference}\"") + (Type is null ? string.Empty : $" t=\"{Type}\"")
        + (Style == 0 ? string.Empty : $" s=\"{Style.ToString(CultureInfo.InvariantCulture)}\"") + ">" + Body + "</c>";

    public static string Escape(string text) => SecurityElement.Escape(text);
}
