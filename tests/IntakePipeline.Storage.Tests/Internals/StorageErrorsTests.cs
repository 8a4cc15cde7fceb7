using Azure;
using IntakePipeline.Storage.Internals;

namespace IntakePipeline.Storage.Tests.Internals;

public sealed class StorageErrorsTests
{
    [Theory]
    [InlineData(409, "ContainerAlreadyExists", true)]
    [InlineData(409, "TableAlreadyExists", true)]
    [InlineData(409, "ContainerBeingDeleted", false)]
    [InlineData(409, "TableBeingDeleted", false)]
    [InlineData(409, null, false)]
    [InlineData(412, "ContainerAlreadyExists", false)]
    public void IsAlreadyExists_StatusAndCode_DecidesCreateIfNotExists(int status, string? code, bool expected)
    {
        Assert.Equal(expected, StorageErrors.IsAlreadyExists(Error(status, code)));
    }

    [Theory]
    [InlineData(404, "BlobNotFound", true)]
    [InlineData(404, "ResourceNotFound", true)]
    [InlineData(404, null, true)]
    [InlineData(404, "ContainerNotFound", false)]
    [InlineData(404, "TableNotFound", false)]
    [InlineData(400, "BlobNotFound", false)]
    public void IsItemNotFound_StatusAndCode_KeepsMissingParentsAsFailures(int status, string? code, bool expected)
    {
        Assert.Equal(expected, StorageErrors.IsItemNotFound(Error(status, code)));
    }

    [Theory]
    [InlineData(412, "ConditionNotMet", true)]
    [InlineData(412, "UpdateConditionNotSatisfied", true)]
    [InlineData(409, "BlobAlreadyExists", true)]
    [InlineData(409, "EntityAlreadyExists", true)]
    [InlineData(409, "LeaseAlreadyPresent", false)]
    [InlineData(409, "ContainerBeingDeleted", false)]
    [InlineData(500, "InternalError", false)]
    public void IsConditionFailed_StatusAndCode_MatchesPreconditionFailures(int status, string? code, bool expected)
    {
        Assert.Equal(expected, StorageErrors.IsConditionFailed(Error(status, code)));
    }

    [Theory]
    [InlineData(409, "LeaseAlreadyPresent", true, false)]
    [InlineData(409, "LeaseIdMismatchWithLeaseOperation", false, true)]
    [InlineData(409, "LeaseNotPresentWithLeaseOperation", false, true)]
    [InlineData(412, "LeaseIdMismatchWithLeaseOperation", false, false)]
    public void LeaseErrors_StatusAndCode_AreTellApart(int status, string code, bool held, bool lost)
    {
        var error = Error(status, code);

        Assert.Equal(held, StorageErrors.IsLeaseHeld(error));
        Assert.Equal(lost, StorageErrors.IsLeaseLost(error));
    }

    [Fact]
    public void ConditionFailed_ServiceError_KeepsStatusCodeAndCause()
    {
        var error = Error(412, "ConditionNotMet");

        var wrapped = StorageErrors.ConditionFailed(error, "Writing c/b");

        Assert.Equal(412, wrapped.Status);
        Assert.Equal("ConditionNotMet", wrapped.ErrorCode);
        Assert.Same(error, wrapped.InnerException);
        Assert.StartsWith("Writing c/b", wrapped.Message, StringComparison.Ordinal);
    }

    private static RequestFailedException Error(int status, string? code) => new(status, "test", code, null);
}
