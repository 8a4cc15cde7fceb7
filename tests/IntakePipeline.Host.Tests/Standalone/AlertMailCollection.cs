using IntakePipeline.Testing;

namespace IntakePipeline.Host.Tests.Standalone;

/// <summary>The whole path from an upload to a received email: the host in-process on its own Azurite, mail to a real maildev.</summary>
[CollectionDefinition(Name)]
public sealed class AlertMailCollection : ICollectionFixture<AzuriteServer>, ICollectionFixture<MaildevServer>
{
    public const string Name = "AlertMail";
}
