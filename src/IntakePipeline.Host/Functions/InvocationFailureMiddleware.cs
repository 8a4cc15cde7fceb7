using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IntakePipeline.Host.Functions;

/// <summary>
/// The one place where invocation exceptions become responses: a malformed payload
/// (<see cref="InvocationPayloadException"/>, or a body the server refused) is 400, which no retry can fix; anything
/// else (storage down, a bug) is 500, so that the host fails the invocation and Event Grid redelivers the event.
/// Both answer with an <see cref="InvocationResponse"/> whose log says why.
/// </summary>
internal sealed class InvocationFailureMiddleware(RequestDelegate next, ILogger<InvocationFailureMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvocationPayloadException or BadHttpRequestException && !context.Response.HasStarted)
        {
            FunctionsLog.PayloadRejected(logger, context.Request.Path, e.Message);
            await WriteAsync(context, StatusCodes.Status400BadRequest, $"调用请求无效：{e.Message}").ConfigureAwait(false);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            FunctionsLog.InvocationFailed(logger, e, context.Request.Path);
            await WriteAsync(context, StatusCodes.Status500InternalServerError, $"处理失败，将由 Functions 主机重试：{e.GetType().Name}: {e.Message}").ConfigureAwait(false);
        }
    }

    private static Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, InvocationResponse.FromLogs(null, message), InvocationJson.Options, context.RequestAborted);
    }
}
