namespace IntakePipeline.Storage;

/// <summary>How a <see cref="StorageConnection"/> authenticates.</summary>
public enum StorageAuthentication
{
    /// <summary>Shared Key: an account name and key from a connection string (Azurite uses this).</summary>
    SharedKey,

    /// <summary>A shared access signature from a connection string's <c>SharedAccessSignature</c>.</summary>
    SharedAccessSignature,

    /// <summary>An Entra ID token from a <see cref="Azure.Core.TokenCredential"/>, such as a managed identity.</summary>
    Token,
}
