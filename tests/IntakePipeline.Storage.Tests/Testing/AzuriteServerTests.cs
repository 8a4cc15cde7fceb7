using System.Net.Sockets;
using IntakePipeline.Testing;

namespace IntakePipeline.Storage.Tests.Testing;

public sealed class AzuriteServerTests
{
    [Fact]
    public async Task StopAsync_ThenStartAsync_PersistentServerKeepsPortsAndData()
    {
        var server = AzuriteServer.Create(new AzuriteServerOptions { Persistent = true });
        try
        {
            await server.StartAsync();
            var connectionString = server.ConnectionString;
            var tables = TestStorage.TableStore(server);
            var table = TestStorage.TableName();
            await tables.CreateTableIfNotExistsAsync(table);
            await tables.UpsertAsync(table, new TableRow("520300", "U01|2024-06") { ["Value"] = 62.5 });

            await server.StopAsync();
            var refusedWhileStopped = !await AcceptsAsync(server.TableEndpoint.Port);
            await server.StartAsync();
            var row = await TestStorage.TableStore(server).GetAsync(table, "520300", "U01|2024-06");

            Assert.True(refusedWhileStopped);
            Assert.Equal(connectionString, server.ConnectionString);
            Assert.True(Directory.Exists(server.Location));
            Assert.Equal(62.5, row!.GetDouble("Value"));
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.False(server.IsRunning);
        Assert.False(Directory.Exists(server.Location));
    }

    [Fact]
    public async Task InitializeAsync_Default_ExposesAnAzuriteConnectionString()
    {
        var server = new AzuriteServer();
        try
        {
            await server.InitializeAsync();

            var connection = StorageConnection.Parse(server.ConnectionString);

            Assert.True(server.IsRunning);
            if (!server.IsExternal)
            {
                Assert.Equal(server.BlobEndpoint, connection.BlobServiceUri);
                Assert.Equal(server.TableEndpoint, connection.TableServiceUri);
                Assert.Equal("devstoreaccount1", connection.AccountName);
            }
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public void Create_OAuthWithoutCertificate_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => AzuriteServer.Create(new AzuriteServerOptions { OAuth = true }));
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
