using System.Text.Json;

namespace IntakePipeline.Core;

/// <summary>
/// The parsed <c>seeds/submitters.json</c>: <c>{"submitters": [{"code", "name", "shortName", "kind"}, …]}</c>, where
/// <c>kind</c> is <c>prefecture</c> or <c>province</c>. Exactly one entry is the province, and its code is
/// <see cref="Submitters.Province"/>.
/// </summary>
internal sealed class SubmitterList
{
    private SubmitterList(IReadOnlyList<Submitter> prefectures, Submitter province)
    {
        Prefectures = prefectures;
        All = [.. prefectures, province];
    }

    /// <summary>The prefectures, in the file's order.</summary>
    public IReadOnlyList<Submitter> Prefectures { get; }

    /// <summary>The prefectures and then the province.</summary>
    public IReadOnlyList<Submitter> All { get; }

    /// <summary>Reads and checks the file.</summary>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the entry and field.</exception>
    public static SubmitterList Parse(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"submitters.json is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("submitters", out var entries)
                || entries.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("submitters.json must be an object with a 'submitters' array.");
            }

            var prefectures = new List<Submitter>();
            Submitter? province = null;
            var codes = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                var code = Text(entry, "code", index);
                if (code.Length != 6 || !code.All(char.IsAsciiDigit))
                {
                    throw new InvalidDataException($"submitters[{index}].code '{code}' is not a six-digit GB/T 2260 code.");
                }

                if (!codes.Add(code))
                {
                    throw new InvalidDataException($"submitters[{index}].code '{code}' is listed twice.");
                }

                var submitter = new Submitter(code, Text(entry, "name", index), Text(entry, "shortName", index));
                switch (Text(entry, "kind", index))
                {
                    case "prefecture":
                        prefectures.Add(submitter);
                        break;
                    case "province" when province is null && code == Submitters.Province:
                        province = submitter;
                        break;
                    case "province":
                        throw new InvalidDataException(
                            $"submitters[{index}] is a second province or its code is not {Submitters.Province}: there is one province, {Submitters.Province}.");
                    case var kind:
                        throw new InvalidDataException($"submitters[{index}].kind '{kind}' is neither 'prefecture' nor 'province'.");
                }

                index++;
            }

            if (province is null)
            {
                throw new InvalidDataException($"submitters.json has no entry of kind 'province' (code {Submitters.Province}).");
            }

            return new SubmitterList(prefectures, province);
        }
    }

    private static string Text(JsonElement entry, string name, int index) =>
        entry.ValueKind == JsonValueKind.Object
        && entry.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : throw new InvalidDataException($"submitters[{index}].{name} is missing or not a non-empty string.");
}
