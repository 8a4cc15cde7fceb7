using Azure.Core.Pipeline;

namespace IntakePipeline.Storage;

/// <summary>
/// How the storage clients retry and time out. Bound to the configuration section <see cref="SectionName"/>; every
/// setting is optional. Retries are the Azure SDK pipeline's own: exponential back-off with jitter, on timeouts,
/// connection failures, 408, 429, 500, 502, 503 and 504.
/// </summary>
public sealed class StorageClientOptions
{
    /// <summary>The configuration section: <c>Storage</c> (for example <c>Storage__MaxRetries=8</c>).</summary>
    public const string SectionName = "Storage";

    /// <summary>Retries after the first attempt. Default 5: with the default delays a storage outage of about 15 s is ridden out.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first retry's delay, doubled on each retry. Default 0.5 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>The longest delay between retries. Default 8 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>The timeout of one attempt. Default 30 s, enough for a 10 MiB submission on a slow link.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The HTTP transport, or <see langword="null"/> for the SDK's default. Tests set it to trust a self-signed
    /// certificate; it is not read from configuration.
    /// </summary>
    public HttpPipelineTransport? Transport { get; set; }
}
