using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IntakePipeline.Testing;

namespace IntakePipeline.Storage.Tests;

/// <summary>
/// Azurite over HTTPS with <c>--oauth basic</c>, on a self-signed certificate made for the test run. The client
/// trusts that certificate through <see cref="TrustingHandler"/> only, never machine-wide.
/// </summary>
public sealed class OAuthAzurite : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("intake-oauth-").FullName;
    private readonly string _thumbprint;

    public OAuthAzurite()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        _thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);

        var certificatePath = Path.Combine(_folder, "azurite.crt.pem");
        var keyPath = Path.Combine(_folder, "azurite.key.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        Server = AzuriteServer.Create(new AzuriteServerOptions { CertificatePemPath = certificatePath, KeyPemPath = keyPath, OAuth = true });
    }

    public AzuriteServer Server { get; }

    /// <summary>An HTTP handler that accepts exactly the test certificate.</summary>
    public HttpClientHandler TrustingHandler() => new()
    {
        ServerCertificateCustomValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHashString(HashAlgorithmName.SHA256) == _thumbprint,
    };

    public Task InitializeAsync() => Server.StartAsync();

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
