using System.Net;
using System.Net.Sockets;

namespace IntakePipeline.Testing;

/// <summary>Loopback ports that were free a moment ago, found by binding port 0.</summary>
internal static class FreePorts
{
    internal static int[] Allocate(int count)
    {
        // Hold all listeners until every port is known, so the same port is not handed out twice.
        var listeners = new TcpListener[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                listeners[i] = new TcpListener(IPAddress.Loopback, 0);
                listeners[i].Start();
            }

            return Array.ConvertAll(listeners, l => ((IPEndPoint)l.LocalEndpoint).Port);
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener?.Stop();
            }
        }
    }

    /// <summary>Waits until every port accepts a TCP connection, the process exits, or the timeout passes.</summary>
    internal static async Task WaitUntilAcceptingAsync(
        string host,
        IReadOnlyList<int> ports,
        ServerProcess process,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var port in ports)
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException(
                        $"{process.Name} exited with code {process.ExitCode} before port {port} opened. Output:\n{process.RecentOutput}");
                }

                if (await TryConnectAsync(host, port, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException(
                        $"{process.Name} did not open port {port} within {timeout.TotalSeconds:0} s. Output:\n{process.RecentOutput}");
                }

                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<bool> TryConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(host, port, attempt.Token).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
