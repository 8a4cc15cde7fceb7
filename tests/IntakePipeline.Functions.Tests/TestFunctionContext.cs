using Microsoft.Azure.Functions.Worker;

namespace IntakePipeline.Functions.Tests;

/// <summary>
/// A <see cref="FunctionContext"/> for calling function classes directly, since no Functions host can run in the tests:
/// it carries the binding data the queue trigger fills (the dequeue count) and the app's services.
/// </summary>
internal sealed class TestFunctionContext(IServiceProvider services, long dequeueCount = 1) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId { get; } = Guid.NewGuid().ToString();

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext { get; } = new Binding(dequeueCount);

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException();

    private sealed class Binding(long dequeueCount) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData { get; } =
            new Dictionary<string, object?> { ["DequeueCount"] = dequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }
}
