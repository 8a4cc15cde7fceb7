using System.Security.Cryptography;
using System.Text;
using IntakePipeline.Storage;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// The keys of the <c>BlobReceipts</c> and <c>Poison</c> tables: PartitionKey = container, RowKey =
/// <c>{escaped name}|{escaped ETag}</c> (see <see cref="TableKeys.Escape"/>). Hints live in the same table under the
/// partition <see cref="HintPartition"/>, which no container name can equal.
/// </summary>
internal static class BlobReceiptKeys
{
    /// <summary>The partition of the upload hints in <c>BlobReceipts</c>.</summary>
    public const string HintPartition = "hint";

    /// <summary>The outcome a receipt holds while a version is between failed attempts; any other outcome is final.</summary>
    public const string RetryingOutcome = "Retrying";

    /// <summary>The outcome of a poisoned version's receipt.</summary>
    public const string PoisonedOutcome = "Poisoned";

    // Leaves room under Azurite's 512-character limit for the separator, a hash and the ETag.
    private const int MaxNamePart = 400;

    /// <summary>The RowKey of a blob version.</summary>
    public static string RowKey(string name, string etag) => Join(name, etag);

    /// <summary>The RowKey of a hint for a blob.</summary>
    public static string HintRowKey(string container, string name) => Join(container, name);

    private static string Join(string first, string second)
    {
        var head = TableKeys.Escape(first);
        var tail = TableKeys.Escape(second);
        if (head.Length + tail.Length + 1 <= TableKeys.MaxLength)
        {
            return head + "|" + tail;
        }

        // A very long Chinese file name: keep a readable prefix and make it unique with a hash of the whole name.
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(first)))[..16];
        return head[..Math.Min(head.Length, MaxNamePart)] + "|" + hash + "|" + tail[..Math.Min(tail.Length, 64)];
    }
}
