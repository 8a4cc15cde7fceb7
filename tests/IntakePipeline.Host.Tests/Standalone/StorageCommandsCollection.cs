using IntakePipeline.Testing;

namespace IntakePipeline.Host.Tests.Standalone;

/// <summary>
/// <c>intake demo</c>, <c>upload</c> and <c>status</c> against their own Azurite. They read the storage connection from
/// the process environment, as a user's shell gives it, so this collection sets <c>AzureWebJobsStorage</c> while it runs.
/// </summary>
[CollectionDefinition(Name)]
public sealed class StorageCommandsCollection : ICollectionFixture<AzuriteServer>
{
    public const string Name = "StorageCommands";
}
