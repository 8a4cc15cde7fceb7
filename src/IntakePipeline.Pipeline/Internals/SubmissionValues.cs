using System.Buffers;
using System.Text;
using System.Text.Json;
using IntakePipeline.Core.Validation;
using IntakePipeline.Storage;

namespace IntakePipeline.Pipeline.Internals;

/// <summary>
/// The <c>Values</c> column of a <c>Submissions</c> row: the file's values as a JSON object of indicator code to value
/// in the canonical unit, e.g. <c>{"U10":55,"U14":5.2}</c>. It is written with the row (the commit point) when the file
/// is accepted as the period's current one, and kept when a later file supersedes it, so a row with values was once
/// the period's current file. History is read from it instead of from <c>Observations</c>.
/// </summary>
internal static class SubmissionValues
{
    /// <summary>The column name.</summary>
    public const string Column = "Values";

    /// <summary>The column's text for <paramref name="observations"/>; doubles round-trip exactly.</summary>
    public static string Serialize(IReadOnlyList<Observation> observations)
    {
        var buffer = new ArrayBufferWriter<byte>(observations.Count * 16);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var observation in observations)
            {
                writer.WriteNumber(observation.Indicator, observation.Value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The values of a row; empty when it has none (a rejected file, or one superseded on arrival).</summary>
    public static List<KeyValuePair<string, double>> Of(TableRow row)
    {
        var values = new List<KeyValuePair<string, double>>();
        if (row.GetString(Column) is not { Length: > 0 } json)
        {
            return values;
        }

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                var indicator = reader.GetString()!;
                reader.Read();
                values.Add(KeyValuePair.Create(indicator, reader.GetDouble()));
            }
        }

        return values;
    }
}
