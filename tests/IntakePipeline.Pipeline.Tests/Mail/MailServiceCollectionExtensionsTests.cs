using IntakePipeline.Core.Alerts;
using IntakePipeline.Pipeline.Mail;
using IntakePipeline.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline.Tests.Mail;

[Collection(AzuriteCollection.Name)]
public sealed class MailServiceCollectionExtensionsTests(AzuriteServer azurite)
{
    [Fact]
    public void AddIntakeMail_Configuration_BindsSectionsAndResolvesTheServices()
    {
        using var provider = Build(new()
        {
            ["Smtp:Host"] = "smtp.example.cn",
            ["Smtp:Port"] = "587",
            ["Smtp:StartTls"] = "true",
            ["Mail:DigestHour"] = "9",
            ["Recipients:520300:0"] = "zunyi@example.cn",
            ["Recipients:Province:0"] = "sheng@example.cn",
        });

        var smtp = provider.GetRequiredService<IOptions<SmtpOptions>>().Value;
        Assert.Equal(("smtp.example.cn", 587, true, "intake@localhost"), (smtp.Host, smtp.Port, smtp.StartTls, smtp.From));
        Assert.Equal(9, provider.GetRequiredService<IOptions<MailOptions>>().Value.DigestHour);
        Assert.True(provider.GetRequiredService<IOptions<MailOptions>>().Value.Digest);
        Assert.Equal(["zunyi@example.cn"], provider.GetRequiredService<IOptions<RecipientsOptions>>().Value.For("520300"));
        Assert.NotNull(provider.GetRequiredService<AlertEmailComposer>());
        Assert.NotNull(provider.GetRequiredService<Outbox>());
        Assert.NotNull(provider.GetRequiredService<SendAlertsHandler>());
    }

    [Theory]
    [InlineData("Recipients:520300:1", "zunyi.example.cn", "Recipients:520300:1 = 'zunyi.example.cn'")]
    [InlineData("Recipients:520301:0", "x@example.cn", "Recipients:520301 is not a submitter code")]
    public void AddIntakeMail_BadRecipient_FailsNamingTheKey(string key, string value, string expected)
    {
        using var provider = Build(new() { ["Recipients:520300:0"] = "zunyi@example.cn", [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RecipientsOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mail:DigestHour", "24", "Mail:DigestHour")]
    [InlineData("Mail:TimeZone", "Mars/Olympus", "Mail:TimeZone")]
    [InlineData("Smtp:From", "nobody", "Smtp:From")]
    [InlineData("Smtp:Port", "0", "Smtp:Port")]
    public void AddIntakeMail_BadOption_FailsNamingTheKey(string key, string value, string expected)
    {
        using var provider = Build(new() { [key] = value });

        var error = Assert.ThrowsAny<OptionsValidationException>(() =>
        {
            _ = provider.GetRequiredService<IOptions<SmtpOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<MailOptions>>().Value;
        });

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Build(Dictionary<string, string?> values)
    {
        values["AzureWebJobsStorage"] = azurite.ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.None))
            .AddIntakePipeline(configuration)
            .AddIntakeMail(configuration)
            .BuildServiceProvider();
    }
}
