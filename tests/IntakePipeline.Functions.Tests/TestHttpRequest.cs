using System.Net;
using System.Security.Claims;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace IntakePipeline.Functions.Tests;

/// <summary>An <see cref="HttpRequestData"/> for calling an HTTP function directly, as no Functions host runs in the tests.</summary>
internal sealed class TestHttpRequest(FunctionContext context, Uri url, string? ifNoneMatch = null) : HttpRequestData(context)
{
    public override Stream Body { get; } = new MemoryStream();

    public override HttpHeadersCollection Headers { get; } = ifNoneMatch is null ? new HttpHeadersCollection() : new HttpHeadersCollection([new KeyValuePair<string, string>("If-None-Match", ifNoneMatch)]);

    public override IReadOnlyCollection<IHttpCookie> Cookies { get; } = [];

    public override Uri Url { get; } = url;

    public override IEnumerable<ClaimsIdentity> Identities { get; } = [];

    public override string Method => "GET";

    public override HttpResponseData CreateResponse() => new Response(FunctionContext);

    /// <summary>The response, with its body kept in memory.</summary>
    public sealed class Response(FunctionContext context) : HttpResponseData(context)
    {
        public override HttpStatusCode StatusCode { get; set; }

        public override HttpHeadersCollection Headers { get; set; } = new();

        public override Stream Body { get; set; } = new MemoryStream();

        public override HttpCookies Cookies => throw new NotSupportedException();

        public string Text => System.Text.Encoding.UTF8.GetString(((MemoryStream)Body).ToArray());
    }
}
