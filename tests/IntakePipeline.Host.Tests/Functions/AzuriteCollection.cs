using IntakePipeline.Testing;

namespace IntakePipeline.Host.Tests.Functions;

/// <summary>The handler tests share one in-memory Azurite; each test uses its own submitter or period.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteServer>
{
    public const string Name = "Azurite";
}
