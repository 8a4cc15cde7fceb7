namespace IntakePipeline.Testing;

/// <summary>How an <see cref="AzuriteServer"/> runs Azurite. The defaults give an in-memory, HTTP, Shared Key server.</summary>
public sealed record AzuriteServerOptions
{
    /// <summary>
    /// Keep data on disk (<c>--location</c>) instead of in memory, so that it survives
    /// <see cref="AzuriteServer.StopAsync"/> and <see cref="AzuriteServer.StartAsync"/>. Default <see langword="false"/>.
    /// </summary>
    public bool Persistent { get; init; }

    /// <summary>
    /// The data folder for <see cref="Persistent"/> mode, or <see langword="null"/> for a fresh temporary folder that
    /// is deleted on dispose. A folder given here is kept.
    /// </summary>
    public string? Location { get; init; }

    /// <summary>A PEM certificate for HTTPS (<c>--cert</c>), with <see cref="KeyPemPath"/>; <see langword="null"/> for HTTP.</summary>
    public string? CertificatePemPath { get; init; }

    /// <summary>The PEM private key of <see cref="CertificatePemPath"/> (<c>--key</c>).</summary>
    public string? KeyPemPath { get; init; }

    /// <summary>Accept bearer tokens (<c>--oauth basic</c>): requires HTTPS. Default <see langword="false"/>.</summary>
    public bool OAuth { get; init; }

    /// <summary>How long to wait for the ports to open. Default 60 s (the first start may also run <c>npm ci</c>).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait after SIGTERM before SIGKILL. Default 5 s.</summary>
    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether these options need a server process of our own (HTTPS, OAuth or disk), so an external server cannot stand in.</summary>
    internal bool NeedsOwnProcess => Persistent || OAuth || CertificatePemPath is not null;
}
