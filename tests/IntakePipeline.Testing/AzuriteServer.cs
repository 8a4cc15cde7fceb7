using Xunit;

namespace IntakePipeline.Testing;

/// <summary>
/// A real Azurite for integration tests, usable as an xunit class or collection fixture. It runs the repository's
/// pinned copy (<c>node_modules/.bin/azurite</c>, installed with <c>npm ci</c> when missing) on free loopback ports,
/// with <c>--skipApiVersionCheck --loose --silent</c>, in memory unless <see cref="AzuriteServerOptions.Persistent"/>.
/// </summary>
/// <remarks>
/// When the environment variable <see cref="EnvironmentVariable"/> holds a connection string, that storage is used
/// and nothing is started, unless the options need a process of our own (HTTPS, OAuth or disk persistence).
/// For other options, use <see cref="Create"/>, or derive a fixture:
/// <c>public sealed class DiskAzurite() : AzuriteServer(new AzuriteServerOptions { Persistent = true });</c>
/// (xunit fixtures need a single public constructor).
/// </remarks>
public class AzuriteServer : IAsyncLifetime
{
    /// <summary>The environment variable with a connection string to use instead of starting Azurite.</summary>
    public const string EnvironmentVariable = "INTAKE_TEST_STORAGE";

    /// <summary>Azurite's well-known account name.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known, public account key.</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string Host = RestartableServer.Host;
    private readonly AzuriteServerOptions _options;
    private readonly string? _externalConnectionString;
    private readonly RestartableServer _server = new("Azurite", "azurite", 3);

    /// <summary>Creates an in-memory server, or uses <see cref="EnvironmentVariable"/> when it is set.</summary>
    public AzuriteServer()
        : this(new AzuriteServerOptions())
    {
    }

    /// <summary>Creates a server with the given options, for a derived fixture.</summary>
    /// <param name="options">The options.</param>
    protected AzuriteServer(AzuriteServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.OAuth && options.CertificatePemPath is null)
        {
            throw new ArgumentException("Azurite accepts OAuth only over HTTPS: set CertificatePemPath and KeyPemPath.", nameof(options));
        }

        _options = options;
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        _externalConnectionString = options.NeedsOwnProcess || string.IsNullOrWhiteSpace(external) ? null : external;
    }

    /// <summary>Creates a server with the given options; call <see cref="StartAsync"/> (or use it as a fixture) to run it.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The server, not yet started.</returns>
    public static AzuriteServer Create(AzuriteServerOptions options) => new(options);

    /// <summary>Whether <see cref="EnvironmentVariable"/> supplied the storage, so no process runs.</summary>
    public bool IsExternal => _externalConnectionString is not null;

    /// <summary>Whether the Azurite process is running (always <see langword="true"/> for external storage once initialised).</summary>
    public bool IsRunning => IsExternal || _server.IsRunning;

    /// <summary>The URI scheme: <c>https</c> when a certificate is configured, else <c>http</c>.</summary>
    public string Scheme => _options.CertificatePemPath is null ? "http" : "https";

    /// <summary>The Blob endpoint, for example <c>http://127.0.0.1:41234/devstoreaccount1</c>.</summary>
    public Uri BlobEndpoint => Endpoint(0);

    /// <summary>The Queue endpoint.</summary>
    public Uri QueueEndpoint => Endpoint(1);

    /// <summary>The Table endpoint.</summary>
    public Uri TableEndpoint => Endpoint(2);

    /// <summary>The data folder in persistent mode, else <see langword="null"/>.</summary>
    public string? Location => _options.Persistent ? _options.Location ?? _server.Folder : null;

    /// <summary>
    /// The connection string:
    /// <c>DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=…;BlobEndpoint=…;QueueEndpoint=…;TableEndpoint=…;</c>,
    /// or the value of <see cref="EnvironmentVariable"/>.
    /// </summary>
    public string ConnectionString => _externalConnectionString
        ?? $"DefaultEndpointsProtocol={Scheme};AccountName={AccountName};AccountKey={AccountKey};"
        + $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>Azurite's last lines of output, for diagnosing a failed test.</summary>
    public string RecentOutput => _server.RecentOutput;

    /// <inheritdoc />
    public virtual Task InitializeAsync() => StartAsync();

    /// <summary>
    /// Starts Azurite and waits until its ports accept connections. After <see cref="StopAsync"/> it starts again on the
    /// same ports and, when persistent, the same folder. Does nothing when already running or external.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when Azurite is ready.</returns>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsExternal)
        {
            return;
        }

        await _server.StartAsync(Arguments, _options.StartTimeout, ready: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops Azurite: SIGTERM to its process tree, then SIGKILL after the grace period. In-memory data is lost;
    /// persistent data stays for the next <see cref="StartAsync"/>.
    /// </summary>
    /// <returns>A task that completes when the process has exited.</returns>
    /// <exception cref="InvalidOperationException">The storage is external and cannot be stopped.</exception>
    public async Task StopAsync()
    {
        if (IsExternal)
        {
            throw new InvalidOperationException($"The storage comes from {EnvironmentVariable} and cannot be stopped by the tests.");
        }

        await _server.StopAsync(_options.StopGracePeriod).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        if (IsExternal)
        {
            return;
        }

        await StopAsync().ConfigureAwait(false);
        _server.Dispose();
    }

    private List<string> Arguments(int[] ports, string folder)
    {
        var arguments = new List<string>
        {
            "--blobHost", Host, "--blobPort", Invariant(ports[0]),
            "--queueHost", Host, "--queuePort", Invariant(ports[1]),
            "--tableHost", Host, "--tablePort", Invariant(ports[2]),
            "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
        };
        if (_options.Persistent)
        {
            var location = _options.Location ?? folder;
            Directory.CreateDirectory(location);
            arguments.AddRange(["--location", location]);
        }
        else
        {
            arguments.Add("--inMemoryPersistence");
        }

        if (_options.CertificatePemPath is { } certificate)
        {
            arguments.AddRange(["--cert", certificate, "--key", _options.KeyPemPath ?? string.Empty]);
        }

        if (_options.OAuth)
        {
            arguments.AddRange(["--oauth", "basic"]);
        }

        return arguments;
    }

    private Uri Endpoint(int index)
    {
        if (IsExternal)
        {
            throw new InvalidOperationException($"The storage comes from {EnvironmentVariable}; use ConnectionString.");
        }

        var ports = _server.Ports ?? throw new InvalidOperationException("Azurite has not been started.");
        return new Uri($"{Scheme}://{Host}:{Invariant(ports[index])}/{AccountName}");
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
