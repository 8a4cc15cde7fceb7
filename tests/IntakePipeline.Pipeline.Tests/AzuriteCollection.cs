using IntakePipeline.Testing;

namespace IntakePipeline.Pipeline.Tests;

/// <summary>The test classes in this collection share one in-memory Azurite; each test uses its own tables.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteServer>
{
    public const string Name = "Azurite";
}
