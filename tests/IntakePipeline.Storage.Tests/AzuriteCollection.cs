using IntakePipeline.Testing;

namespace IntakePipeline.Storage.Tests;

/// <summary>The test classes in this collection share one in-memory Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteServer>
{
    public const string Name = "Azurite";
}
