namespace IntakePipeline.Storage;

/// <summary>How a SAS is signed, which decides how it is revoked.</summary>
public enum BlobSasKind
{
    /// <summary>Signed with the account key; revoked only by rotating that key.</summary>
    Service,

    /// <summary>Signed with a user delegation key of an Entra identity; revoked by revoking the account's user delegation keys. At most 7 days.</summary>
    UserDelegation,
}
