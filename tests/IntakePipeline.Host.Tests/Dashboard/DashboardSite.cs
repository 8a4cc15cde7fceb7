using IntakePipeline.Core.Intake;
using IntakePipeline.Host.Standalone;
using IntakePipeline.Host.Tests.Standalone;
using IntakePipeline.Pipeline;
using IntakePipeline.Pipeline.Events;
using IntakePipeline.Storage;
using IntakePipeline.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace IntakePipeline.Host.Tests.Dashboard;

/// <summary>
/// The standalone host on an Azurite of its own, after the bundled samples of 2024-05 and 2024-06 were uploaded month by
/// month and processed, serving its dashboard on a free port; and Debian's Chromium, driven by Playwright.
/// </summary>
public sealed class DashboardSite : IAsyncLifetime
{
    /// <summary>Debian's Chromium (<c>apt-get install chromium</c>; <c>.ci/run</c> installs it). Playwright's own download does not work here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly AzuriteServer _azurite = new();
    private InProcessHost? _host;
    private IPlaywright? _playwright;

    internal InProcessHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The dashboard's root, e.g. <c>http://127.0.0.1:39211/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Where the screenshots go: the test project's <c>TestResults/dashboard</c>, kept as artifacts.</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(
        Path.Combine(RepositoryRoot.Path, "tests", "IntakePipeline.Host.Tests", "TestResults", "dashboard")).FullName;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _host = await InProcessHost.StartAsync(_azurite, new Dictionary<string, string?> { ["Dashboard:Port"] = "0" });
        foreach (var month in DemoCommand.ListSamples(Path.Combine(RepositoryRoot.Path, "seeds", "samples")).GroupBy(s => s.Period).OrderBy(g => g.Key))
        {
            var uploaded = new List<BlobVersion>();
            foreach (var (submitter, period, path) in month)
            {
                var container = SubmissionBlobName.IntakeContainer(submitter);
                var name = period + "/" + Path.GetFileName(path);
                var content = await File.ReadAllBytesAsync(path);

                // As `intake upload` does: the watcher polls only recent months, so the event is queued with the upload.
                await _host.Blobs.CreateContainerIfNotExistsAsync(container);
                var written = await _host.Blobs.PutAsync(container, name, content, new BlobPutOptions
                {
                    Metadata = new Dictionary<string, string> { [BlobEventQueue.EventQueuedMetadata] = "true" },
                });
                var blob = new BlobVersion(container, name, written.ETag);
                await _host.Services.GetRequiredService<BlobEventQueue>().EnqueueAsync(blob, content.Length);
                uploaded.Add(blob);
            }

            foreach (var blob in uploaded)
            {
                Assert.NotNull(await _host.WaitForReceiptAsync(blob, TimeSpan.FromSeconds(60)));
            }
        }

        Address = _host.Services.GetServices<IHostedService>().OfType<DashboardServer>().Single().Address!;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }
}

/// <summary>The dashboard tests share one site.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardSite>
{
    public const string Name = "Dashboard";
}
