namespace IntakePipeline.Pipeline.Internals;

/// <summary>ETag comparison that ignores the quotes, since Event Grid sends blob ETags unquoted and the service quoted.</summary>
internal static class ETags
{
    public static string Bare(string etag) => etag.Trim().Trim('"');

    public static bool AreSame(string left, string right) => string.Equals(Bare(left), Bare(right), StringComparison.Ordinal);
}
