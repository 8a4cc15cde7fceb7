using System.Collections.Concurrent;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace IntakePipeline.Storage.Tests;

/// <summary>An HTTP transport that records each request (method, URI, body) and then sends it on.</summary>
internal sealed class RecordingTransport(HttpPipelineTransport inner) : HttpPipelineTransport
{
    public ConcurrentQueue<(string Method, Uri Uri, string Body)> Requests { get; } = new();

    public override Request CreateRequest() => inner.CreateRequest();

    public override void Process(HttpMessage message)
    {
        Record(message);
        inner.Process(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message)
    {
        Record(message);
        await inner.ProcessAsync(message);
    }

    private void Record(HttpMessage message)
    {
        var body = string.Empty;
        if (message.Request.Content is { } content)
        {
            using var buffer = new MemoryStream();
            content.WriteTo(buffer, message.CancellationToken);
            body = Encoding.UTF8.GetString(buffer.ToArray());
        }

        Requests.Enqueue((message.Request.Method.ToString(), message.Request.Uri.ToUri(), body));
    }
}
