using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Azure.Core;

namespace IntakePipeline.Storage.Tests;

/// <summary>
/// Issues unsigned JWTs of the shape Azurite's <c>--oauth basic</c> checks: audience, an Entra issuer, and
/// iat/nbf/exp. It records the scopes it was asked for.
/// </summary>
internal sealed class UnsignedJwtCredential(string audience = "https://storage.azure.com") : TokenCredential
{
    public ConcurrentQueue<string> RequestedScopes { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        foreach (var scope in requestContext.Scopes)
        {
            RequestedScopes.Enqueue(scope);
        }

        var now = DateTimeOffset.UtcNow;
        var header = Base64Url("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64Url(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["aud"] = audience,
            ["iss"] = "https://sts.windows.net/72f988bf-0000-0000-0000-2d7cd011db47/",
            ["iat"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["nbf"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
            ["oid"] = "00000000-0000-0000-0000-0000000000aa",
            ["tid"] = "72f988bf-0000-0000-0000-2d7cd011db47",
        }));
        return new AccessToken($"{header}.{payload}.", now.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
