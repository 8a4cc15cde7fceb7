using IntakePipeline.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace IntakePipeline.Host.Functions;

/// <summary>
/// <c>POST /ProcessSubmission</c>: the Event Grid BlobCreated trigger of <c>ProcessSubmission/function.json</c>. It turns
/// the event into a <see cref="BlobVersion"/> and hands it to <see cref="ProcessSubmissionHandler"/>, which reads the
/// blob itself. Events of other types are answered 200 and ignored, so Event Grid does not redeliver them.
/// </summary>
internal static class ProcessSubmissionApi
{
    /// <summary>The function's name: its folder, and the route the host posts to.</summary>
    public const string FunctionName = "ProcessSubmission";

    /// <summary>The trigger binding's <c>name</c> in <c>function.json</c>, the key under <c>Data</c>.</summary>
    public const string BindingName = "event";

    public static RouteHandlerBuilder MapProcessSubmission(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/" + FunctionName, InvokeAsync);

    internal static async Task<IResult> InvokeAsync(
        HttpRequest request,
        ProcessSubmissionHandler handler,
        AlertNotifier notifier,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(ProcessSubmissionApi));
        var invocation = await InvocationRequest.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        var blobEvent = BlobCreatedEvent.Parse(invocation.GetBinding(BindingName));
        if (!blobEvent.IsBlobCreated)
        {
            FunctionsLog.EventIgnored(logger, FunctionName, blobEvent.Id, blobEvent.EventType);
            return Results.Json(
                InvocationResponse.FromLogs(null, $"忽略事件 {blobEvent.Id}：类型为 {blobEvent.EventType}，只处理 {BlobCreatedEvent.BlobCreatedType}。"),
                InvocationJson.Options);
        }

        var blob = blobEvent.Blob;
        FunctionsLog.EventReceived(logger, FunctionName, blobEvent.Id, blob.Container, blob.Name, blob.ETag);
        var outcome = await handler.HandleAsync(blob, cancellationToken).ConfigureAwait(false);

        // The SendAlerts function sends what this queues, within a minute.
        await notifier.AfterSubmissionAsync(outcome, cancellationToken).ConfigureAwait(false);
        FunctionsLog.SubmissionProcessed(
            logger, FunctionName, blob.Container, blob.Name, outcome.Kind.ToString(), outcome.SubmissionId, outcome.ErrorCount, outcome.WarningCount, outcome.CorrelationId);
        return Results.Json(InvocationResponse.FromLogs(Summarize(outcome), Describe(outcome)), InvocationJson.Options);
    }

    /// <summary>The invocation's return value: the outcome, flat, for the Functions log and for tests.</summary>
    internal static Dictionary<string, object?> Summarize(SubmissionOutcome outcome) => new()
    {
        ["Outcome"] = outcome.Kind.ToString(),
        ["Container"] = outcome.Blob.Container,
        ["BlobName"] = outcome.Blob.Name,
        ["ETag"] = outcome.Blob.ETag,
        ["SubmissionId"] = outcome.SubmissionId,
        ["Submitter"] = outcome.Submitter,
        ["Period"] = outcome.Period?.ToString(),
        ["RowCount"] = outcome.RowCount,
        ["ErrorCount"] = outcome.ErrorCount,
        ["WarningCount"] = outcome.WarningCount,
        ["EntitiesWritten"] = outcome.EntitiesWritten,
        ["CorrelationId"] = outcome.CorrelationId,
    };

    /// <summary>One log line in Chinese for the invocation log that operators read in the portal.</summary>
    internal static string Describe(SubmissionOutcome outcome)
    {
        var what = outcome.Kind switch
        {
            SubmissionOutcomeKind.Accepted => "已接受",
            SubmissionOutcomeKind.Rejected => "已拒绝",
            SubmissionOutcomeKind.Unchanged => "内容与当前已接受的文件相同，未作改动",
            SubmissionOutcomeKind.NotASubmission => "不是提交文件（名称应为 {yyyy-MM}/{文件}.csv|.xlsx|.json），已写入拒绝报告",
            SubmissionOutcomeKind.Stale => "该 Blob 已有更新版本，此版本跳过",
            SubmissionOutcomeKind.Missing => "该 Blob 已不存在，跳过",
            _ => outcome.Kind.ToString(),
        };
        return $"{outcome.Blob.Container}/{outcome.Blob.Name}：{what}（提交编号 {outcome.SubmissionId ?? "无"}，{outcome.RowCount} 行，"
            + $"{outcome.ErrorCount} 个错误，{outcome.WarningCount} 个警告，写入 {outcome.EntitiesWritten} 个表实体，关联编号 {outcome.CorrelationId}）。";
    }
}
