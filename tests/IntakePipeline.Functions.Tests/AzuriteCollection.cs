using IntakePipeline.Testing;

namespace IntakePipeline.Functions.Tests;

/// <summary>The test classes in this collection share one Azurite; each test uses its own tables and queue.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteServer>
{
    public const string Name = "Azurite";
}
