using System.Security.Cryptography;
using System.Text;

namespace IntakePipeline.Pipeline.Internals;

/// <summary>The deterministic correlation id of a blob version, so that a re-run logs and stores the same id.</summary>
internal static class CorrelationIds
{
    /// <summary>The first 16 lower-case hex digits of SHA-256 of <c>{container}/{name}@{etag}</c>, the ETag without quotes.</summary>
    public static string For(BlobVersion blob) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{blob.Container}/{blob.Name}@{ETags.Bare(blob.ETag)}")))[..16];
}
