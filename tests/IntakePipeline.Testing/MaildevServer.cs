using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace IntakePipeline.Testing;

/// <summary>
/// A real maildev SMTP server for integration tests, usable as an xunit class or collection fixture. It runs the
/// repository's pinned copy (<c>node_modules/.bin/maildev</c>) on free loopback ports, keeping mail in a temporary
/// folder so that it survives <see cref="StopAsync"/> and <see cref="StartAsync"/>. Its HTTP API lists what it
/// received: <c>GET {ApiBaseUri}email</c>.
/// </summary>
/// <remarks>
/// When <see cref="SmtpEnvironmentVariable"/> holds <c>host:port</c>, that server is used and nothing is started;
/// <see cref="ApiEnvironmentVariable"/> then gives its API base (for example <c>http://mail:1080/api/</c>).
/// </remarks>
public sealed class MaildevServer : IAsyncLifetime, IDisposable
{
    /// <summary>The environment variable with an SMTP <c>host:port</c> to use instead of starting maildev.</summary>
    public const string SmtpEnvironmentVariable = "INTAKE_TEST_SMTP";

    /// <summary>The environment variable with the API base URI of that external maildev.</summary>
    public const string ApiEnvironmentVariable = "INTAKE_TEST_MAILDEV_API";

    private const string Host = RestartableServer.Host;
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly bool _external;
    private readonly Uri? _externalApi;
    private readonly (string Host, int Port) _externalSmtp;
    private readonly RestartableServer _server = new("maildev", "maildev", 2);

    /// <summary>Creates the fixture; <see cref="InitializeAsync"/> starts the server.</summary>
    public MaildevServer()
    {
        var smtp = Environment.GetEnvironmentVariable(SmtpEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(smtp))
        {
            return;
        }

        var colon = smtp.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(smtp.AsSpan(colon + 1), out var port))
        {
            throw new InvalidOperationException($"{SmtpEnvironmentVariable} must be host:port, not '{smtp}'.");
        }

        _external = true;
        _externalSmtp = (smtp[..colon], port);
        var api = Environment.GetEnvironmentVariable(ApiEnvironmentVariable);
        _externalApi = string.IsNullOrWhiteSpace(api) ? null : new Uri(api.EndsWith('/') ? api : api + "/");
    }

    /// <summary>Whether <see cref="SmtpEnvironmentVariable"/> supplied the server, so no process runs.</summary>
    public bool IsExternal => _external;

    /// <summary>The SMTP host name.</summary>
    public string SmtpHost => _external ? _externalSmtp.Host : Host;

    /// <summary>The SMTP port (no TLS, no authentication).</summary>
    public int SmtpPort => _external ? _externalSmtp.Port : Ports[0];

    /// <summary>The HTTP API base, ending in <c>/api/</c>; <c>GET email</c> below it lists received mail.</summary>
    /// <exception cref="InvalidOperationException">The server is external and <see cref="ApiEnvironmentVariable"/> is unset.</exception>
    public Uri ApiBaseUri => _external
        ? _externalApi ?? throw new InvalidOperationException($"Set {ApiEnvironmentVariable} to read mail from the external server.")
        : new Uri($"http://{Host}:{Ports[1]}/api/");

    /// <summary>maildev's last lines of output, for diagnosing a failed test.</summary>
    public string RecentOutput => _server.RecentOutput;

    private int[] Ports => _server.Ports ?? throw new InvalidOperationException("maildev has not been started.");

    /// <inheritdoc />
    public Task InitializeAsync() => StartAsync();

    /// <summary>Starts maildev (again on the same ports after <see cref="StopAsync"/>) and waits until it answers.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when maildev is ready.</returns>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_external)
        {
            return;
        }

        await _server.StartAsync(
            static (ports, folder) =>
            [
                "--smtp", Invariant(ports[0]), "--web", Invariant(ports[1]),
                "--ip", Host, "--web-ip", Host, "--mail-directory", folder, "--silent",
            ],
            TimeSpan.FromSeconds(60),
            WaitForApiAsync,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops maildev: SIGTERM to its process tree, then SIGKILL after 5 s. Received mail is kept on disk.</summary>
    /// <returns>A task that completes when the process has exited.</returns>
    /// <exception cref="InvalidOperationException">The server is external.</exception>
    public async Task StopAsync()
    {
        if (_external)
        {
            throw new InvalidOperationException($"The SMTP server comes from {SmtpEnvironmentVariable} and cannot be stopped by the tests.");
        }

        await _server.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
    }

    /// <summary>Lists the received mail, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The messages.</returns>
    public async Task<IReadOnlyList<MaildevEmail>> GetEmailsAsync(CancellationToken cancellationToken = default)
    {
        var emails = await _http.GetFromJsonAsync<List<MaildevEmail>>(new Uri(ApiBaseUri, "email"), _json, cancellationToken)
            .ConfigureAwait(false);
        return emails ?? [];
    }

    /// <summary>Polls until at least <paramref name="count"/> messages have arrived.</summary>
    /// <param name="count">The number of messages to wait for.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>All received messages.</returns>
    /// <exception cref="TimeoutException">Fewer messages arrived in time.</exception>
    public async Task<IReadOnlyList<MaildevEmail>> WaitForEmailsAsync(
        int count,
        TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var emails = await GetEmailsAsync(cancellationToken).ConfigureAwait(false);
            if (emails.Count >= count)
            {
                return emails;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"maildev received {emails.Count} messages, not {count}, within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes all received mail.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when maildev confirms.</returns>
    public async Task DeleteAllEmailsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.DeleteAsync(new Uri(ApiBaseUri, "email/all"), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (!_external)
        {
            await StopAsync().ConfigureAwait(false);
        }

        Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _server.Dispose();
        _http.Dispose();
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task WaitForApiAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                using var response = await _http.GetAsync(new Uri(ApiBaseUri, "healthz"), cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"maildev's API did not answer within 30 s. Output:\n{RecentOutput}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }
}
