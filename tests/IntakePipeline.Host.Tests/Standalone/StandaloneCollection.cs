using IntakePipeline.Testing;

namespace IntakePipeline.Host.Tests.Standalone;

/// <summary>The in-process host tests share one in-memory Azurite and run one after another, so only one watcher runs at a time.</summary>
[CollectionDefinition(Name)]
public sealed class StandaloneCollection : ICollectionFixture<AzuriteServer>
{
    public const string Name = "Standalone";
}
