using IntakePipeline.Host.Functions;
using IntakePipeline.Testing;
using Microsoft.Extensions.Configuration;

namespace IntakePipeline.Host.Tests.Functions;

[Collection(AzuriteCollection.Name)]
public sealed class FunctionsHandlerHostTests(AzuriteServer azurite)
{
    [Fact]
    public async Task StartAsync_Storage_CreatesContainersAndTablesAndPublishesPlan()
    {
        await using var app = await HandlerTestApp.StartAsync(azurite);

        Assert.NotNull(await app.Blobs.GetContainerAsync("intake-522700"));
        Assert.NotNull(await app.Blobs.GetContainerAsync("reports-520000"));
        var u01 = await app.Tables.GetAsync("PlanIndicators", "plan", "U01");
        Assert.NotNull(u01);
        Assert.False(string.IsNullOrEmpty(u01.GetString("Name")));
    }

    [Theory]
    [InlineData("7071", true, 7071)]
    [InlineData("65535", true, 65535)]
    [InlineData(null, false, 0)]
    [InlineData("", false, 0)]
    [InlineData("0", false, 0)]
    [InlineData("70000", false, 0)]
    [InlineData("-1", false, 0)]
    [InlineData("port", false, 0)]
    public void TryGetPort_Setting_ParsesValidPortsOnly(string? value, bool expected, int expectedPort)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [FunctionsHandlerHost.PortVariable] = value })
            .Build();

        var ok = FunctionsHandlerHost.TryGetPort(configuration, out var port);

        Assert.Equal(expected, ok);
        if (expected)
        {
            Assert.Equal(expectedPort, port);
        }
    }

    [Fact]
    public void ListenUrl_Port_IsLoopbackOnly()
    {
        Assert.Equal("http://127.0.0.1:7071", FunctionsHandlerHost.ListenUrl(7071));
    }
}
