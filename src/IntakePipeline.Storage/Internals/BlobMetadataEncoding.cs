namespace IntakePipeline.Storage.Internals;

/// <summary>
/// Blob metadata travels in HTTP headers, which carry ASCII only and lose leading and trailing white space. A value
/// that is not plain printable ASCII, contains '%', or has white space at either end is percent-encoded as UTF-8;
/// every value read is percent-decoded. Values this port wrote therefore round-trip exactly, and plain ASCII stays
/// readable for other tools.
/// </summary>
internal static class BlobMetadataEncoding
{
    internal static Dictionary<string, string> Encode(IReadOnlyDictionary<string, string>? metadata)
    {
        var encoded = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (metadata is null)
        {
            return encoded;
        }

        foreach (var (name, value) in metadata)
        {
            if (!IsValidName(name))
            {
                throw new ArgumentException($"Blob metadata name '{name}' must be a C# identifier (letters, digits, '_').", nameof(metadata));
            }

            ArgumentNullException.ThrowIfNull(value, $"metadata[{name}]");
            encoded.Add(name, NeedsEncoding(value) ? Uri.EscapeDataString(value) : value);
        }

        return encoded;
    }

    internal static Dictionary<string, string> Decode(IDictionary<string, string>? metadata)
    {
        var decoded = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (metadata is null)
        {
            return decoded;
        }

        foreach (var (name, value) in metadata)
        {
            decoded[name] = Uri.UnescapeDataString(value);
        }

        return decoded;
    }

    internal static bool NeedsEncoding(string value)
    {
        if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
        {
            return true;
        }

        foreach (var c in value)
        {
            if (c is < ' ' or > '~' or '%')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsValidName(string name)
    {
        if (string.IsNullOrEmpty(name) || char.IsDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
