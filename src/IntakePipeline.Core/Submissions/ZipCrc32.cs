namespace IntakePipeline.Core.Submissions;

/// <summary>
/// The CRC-32 of the zip format (ISO 3309, polynomial 0xEDB88320), computed incrementally, so that an entry whose
/// content does not match its recorded checksum is refused: the runtime's zip reader does not check it.
/// </summary>
internal static class ZipCrc32
{
    private static readonly uint[] _table = CreateTable();

    /// <summary>The running checksum to start from.</summary>
    public const uint Initial = 0xFFFFFFFF;

    /// <summary>Adds <paramref name="bytes"/> to a running checksum.</summary>
    public static uint Append(uint running, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            running = _table[(running ^ b) & 0xFF] ^ (running >> 8);
        }

        return running;
    }

    /// <summary>The checksum of everything appended to a running value.</summary>
    public static uint Finish(uint running) => running ^ 0xFFFFFFFF;

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < table.Length; i++)
        {
            var value = i;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? 0xEDB88320 ^ (value >> 1) : value >> 1;
            }

            table[i] = value;
        }

        return table;
    }
}
