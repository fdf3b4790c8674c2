using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MdeSiem.Tests.Connect;

/// <summary>Self-signed certificates with private keys, made per test like an admin's app certificate.</summary>
internal static class TestCertificates
{
    public static X509Certificate2 Create(string subject = "CN=MdeSiem test app")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        // Round-trip through PFX so the key is usable for signing on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.Exportable);
    }
}
