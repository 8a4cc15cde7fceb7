using System.Net;
using System.Net.Sockets;
using IntakePipeline.Pipeline.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// Serves the dashboard on 127.0.0.1 with Kestrel while <c>intake run</c> runs, as <c>func start</c> serves the
/// Functions app's <c>Dashboard</c> function, and logs its address. The port is <c>Dashboard__Port</c> (7071); when it is
/// taken the server says so and takes a free port. Every request goes to <see cref="DashboardHandler"/>.
/// </summary>
internal sealed class DashboardServer(DashboardHandler handler, IOptions<DashboardOptions> options, ILogger<DashboardServer> logger)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The dashboard's root address once started, e.g. <c>http://127.0.0.1:7071/</c>.</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var port = options.Value.Port;
        try
        {
            _app = await StartOnAsync(port, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (port != 0 && IsAddressInUse(e))
        {
            StandaloneLog.DashboardPortTaken(logger, port);
            _app = await StartOnAsync(0, cancellationToken).ConfigureAwait(false);
        }

        Address = new Uri(_app.Urls.First().TrimEnd('/') + "/");
        StandaloneLog.DashboardListening(logger, Address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Kestrel reports a taken port as an IOException around AddressInUseException, or, when another process binds it
    // between the check and the listen, as the bare SocketException.
    private static bool IsAddressInUse(Exception e) => e switch
    {
        AddressInUseException => true,
        SocketException socket => socket.SocketErrorCode == SocketError.AddressAlreadyInUse,
        IOException { InnerException: { } inner } => IsAddressInUse(inner),
        _ => false,
    };

    private async Task<WebApplication> StartOnAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapGet("/{**path}", ServeAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return app;
    }

    private async Task ServeAsync(HttpContext context, string? path)
    {
        DashboardResponse response;
        try
        {
            response = await handler.HandleAsync(path, context.Request.Headers.IfNoneMatch.ToString(), context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            StandaloneLog.DashboardFailed(logger, e, path ?? string.Empty);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("仪表板暂时无法读取数据，请稍后刷新；如果一直如此，请联系系统维护人员。", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = response.StatusCode;
        if (response.Location is { } location)
        {
            context.Response.Headers.Location = "/" + location;
            return;
        }

        context.Response.Headers.CacheControl = handler.CacheControl;
        context.Response.Headers.ETag = response.ETag;
        if (response.Html is { } html)
        {
            context.Response.ContentType = DashboardResponse.ContentType;
            await context.Response.WriteAsync(html, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
