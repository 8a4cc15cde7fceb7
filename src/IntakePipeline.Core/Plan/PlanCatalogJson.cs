using System.Text.Encodings.Web;
using System.Text.Json;

namespace IntakePipeline.Core.Plan;

/// <summary>
/// Writes a catalog as the stable JSON that <c>intake plan export</c> prints and other scripts read:
/// <c>{"indicators":[{"code","name","unit","category","kind","direction","aggregation","frequency","window","flow2020"}…],
/// "targets":[{"indicator","scope","date","value","qualifier","source","superseded"}…]}</c>.
/// </summary>
/// <remarks>
/// Enum values are the lower-case words of the CSV files; <c>window</c> is <c>{"start":"yyyy-MM","end":"yyyy-MM"}</c> or
/// null; <c>flow2020</c> is a number or null; <c>date</c> is <c>yyyy-MM</c>; <c>qualifier</c> is 左右/以上/以内/以下 or null;
/// <c>superseded</c> is a boolean. Items keep catalog order.
/// </remarks>
public static class PlanCatalogJson
{
    /// <summary>Writes the catalog to a UTF-8 stream, with Chinese unescaped (for stdout and files).</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="stream">The destination; it is flushed, not closed.</param>
    /// <param name="indented">Whether to indent the output.</param>
    public static void Write(PlanCatalog catalog, Stream stream, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = indented });
        Write(catalog, writer);
    }

    /// <summary>Writes the catalog as one JSON object to <paramref name="writer"/> and flushes it.</summary>
    public static void Write(PlanCatalog catalog, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteStartArray("indicators");
        foreach (var indicator in catalog.Indicators)
        {
            writer.WriteStartObject();
            writer.WriteString("code", indicator.Code);
            writer.WriteString("name", indicator.Name);
            writer.WriteString("unit", indicator.Unit);
            writer.WriteString("category", indicator.Category);
            writer.WriteString("kind", PlanVocabulary.ToText(indicator.Kind));
            writer.WriteString("direction", PlanVocabulary.ToText(indicator.Direction));
            writer.WriteString("aggregation", PlanVocabulary.ToText(indicator.Aggregation));
            writer.WriteString("frequency", PlanVocabulary.ToText(indicator.Frequency));
            if (indicator.Window is { } window)
            {
                writer.WriteStartObject("window");
                writer.WriteString("start", window.Start.ToString());
                writer.WriteString("end", window.End.ToString());
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("window");
            }

            if (indicator.Flow2020 is { } flow)
            {
                writer.WriteNumber("flow2020", flow);
            }
            else
            {
                writer.WriteNull("flow2020");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("targets");
        foreach (var target in catalog.Targets)
        {
            writer.WriteStartObject();
            writer.WriteString("indicator", target.Indicator);
            writer.WriteString("scope", target.Scope);
            writer.WriteString("date", target.Date.ToString());
            writer.WriteNumber("value", target.Value);
            if (target.Qualifier == TargetQualifier.None)
            {
                writer.WriteNull("qualifier");
            }
            else
            {
                writer.WriteString("qualifier", PlanVocabulary.ToText(target.Qualifier));
            }

            writer.WriteString("source", target.Source);
            writer.WriteBoolean("superseded", target.Superseded);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }
}
