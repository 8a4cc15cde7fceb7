using Azure;

namespace IntakePipeline.Storage.Internals;

/// <summary>
/// The one place that decides which service errors are expected outcomes, by HTTP status and error code
/// (https://learn.microsoft.com/rest/api/storageservices/blob-service-error-codes and table-service-error-codes).
/// Anything not listed here is a failure and propagates.
/// </summary>
internal static class StorageErrors
{
    /// <summary>404: the resource addressed (a container, a blob, a table or an entity) does not exist.</summary>
    internal static bool IsNotFound(RequestFailedException error) => error.Status == 404;

    /// <summary>
    /// 404 for a blob or an entity whose container or table does exist. A missing container or table
    /// (ContainerNotFound, TableNotFound) is a setup fault, not "no such item", and must propagate.
    /// </summary>
    internal static bool IsItemNotFound(RequestFailedException error) =>
        error.Status == 404 && error.ErrorCode is not ("ContainerNotFound" or "TableNotFound");

    /// <summary>
    /// 409 ContainerAlreadyExists / TableAlreadyExists: create-if-not-exists succeeded already. A 409
    /// ContainerBeingDeleted / TableBeingDeleted is not this, and must propagate.
    /// </summary>
    internal static bool IsAlreadyExists(RequestFailedException error) =>
        error.Status == 409 && error.ErrorCode is "ContainerAlreadyExists" or "TableAlreadyExists";

    /// <summary>
    /// A write's precondition failed: 412 (ConditionNotMet, UpdateConditionNotSatisfied, lease mismatches), or 409
    /// BlobAlreadyExists / EntityAlreadyExists for If-None-Match: * and insert.
    /// </summary>
    internal static bool IsConditionFailed(RequestFailedException error) =>
        error.Status == 412
        || (error.Status == 409 && error.ErrorCode is "BlobAlreadyExists" or "EntityAlreadyExists");

    /// <summary>403: the caller is authenticated but not allowed, such as an identity without the role an action needs.</summary>
    internal static bool IsForbidden(RequestFailedException error) => error.Status == 403;

    /// <summary>409 LeaseAlreadyPresent: someone else holds the lease.</summary>
    internal static bool IsLeaseHeld(RequestFailedException error) =>
        error.Status == 409 && error.ErrorCode == "LeaseAlreadyPresent";

    /// <summary>409 with a lease code: the lease id is not (or no longer) the blob's lease.</summary>
    internal static bool IsLeaseLost(RequestFailedException error) =>
        error.Status == 409
        && error.ErrorCode is "LeaseIdMismatchWithLeaseOperation" or "LeaseNotPresentWithLeaseOperation" or "LeaseLost"
            or "LeaseIsBrokenAndCannotBeRenewed" or "LeaseIsBreakingAndCannotBeAcquired";

    /// <summary>
    /// 404 MessageNotFound, or 400 InvalidQueryParameterValue for a pop receipt that no longer matches: the message was
    /// deleted or taken again by another receiver.
    /// </summary>
    internal static bool IsMessageGone(RequestFailedException error) =>
        (error.Status == 404 && error.ErrorCode is "MessageNotFound")
        || (error.Status == 400 && error.ErrorCode is "InvalidQueryParameterValue" or "PopReceiptMismatch");

    /// <summary>Wraps an expected precondition failure in the port's exception type.</summary>
    internal static StorageConditionFailedException ConditionFailed(RequestFailedException error, string what) =>
        new($"{what}: the condition did not hold ({error.Status} {error.ErrorCode}).", error.Status, error.ErrorCode, error);
}
