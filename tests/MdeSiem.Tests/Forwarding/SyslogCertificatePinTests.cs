using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Forwarding;
using Xunit;

namespace MdeSiem.Tests.Forwarding;

/// <summary>Pins compared with hashes computed here by .NET's own exports (SubjectPublicKeyInfo, the DER certificate).</summary>
public sealed class SyslogCertificatePinTests
{
    [Theory]
    [InlineData("rsa")]
    [InlineData("ecdsa")]
    public void A_public_key_pin_matches_the_sha256_of_the_certificates_subject_public_key_info(string algorithm)
    {
        using var certificate = SelfSigned(algorithm);
        var expected = "sha256/" + Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));

        Assert.Equal(expected, SyslogCertificatePin.SpkiPinOf(certificate));
        Assert.True(SyslogCertificatePin.Parse(expected).Matches(certificate));
        Assert.True(SyslogCertificatePin.Parse(expected.Replace("sha256/", "sha256//")).Matches(certificate));
    }

    [Fact]
    public void Thumbprints_match_in_sha1_and_sha256_with_or_without_colons()
    {
        using var certificate = SelfSigned("rsa");
        var sha256 = Convert.ToHexString(SHA256.HashData(certificate.RawData));

        Assert.True(SyslogCertificatePin.Parse(certificate.Thumbprint.ToLowerInvariant()).Matches(certificate));
        Assert.True(SyslogCertificatePin.Parse(string.Join(":", Chunks(sha256))).Matches(certificate));
    }

    [Fact]
    public void Another_certificate_does_not_match()
    {
        using var pinned = SelfSigned("rsa");
        using var other = SelfSigned("rsa");

        Assert.False(SyslogCertificatePin.Parse(SyslogCertificatePin.SpkiPinOf(pinned)).Matches(other));
        Assert.False(SyslogCertificatePin.Parse(pinned.Thumbprint).Matches(other));
    }

    [Theory]
    [InlineData("sha256/short")]
    [InlineData("ABCDEF")]
    [InlineData("not a pin")]
    public void Text_that_is_not_a_pin_is_an_invalid_argument(string text)
    {
        var error = Assert.Throws<MdeSiemException>(() => SyslogCertificatePin.Parse(text));
        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
    }

    /// <summary>
    /// About one key in 64 has a SHA-256 whose base64 begins with '/': its pin must be read whole, in the plain
    /// spelling and in curl's "sha256//" one.
    /// </summary>
    [Fact]
    public void A_pin_whose_base64_begins_with_a_slash_matches_its_certificate_in_both_spellings()
    {
        using var certificate = CertificateWithSlashPin(out var base64);
        using var other = NewEcdsaCertificate();

        foreach (var text in new[] { "sha256/" + base64, "sha256//" + base64 })
        {
            var pin = SyslogCertificatePin.Parse(text);
            Assert.True(pin.Matches(certificate), text);
            Assert.False(pin.Matches(other), text);
        }
    }

    private static X509Certificate2 CertificateWithSlashPin(out string base64)
    {
        for (var attempt = 0; attempt < 2000; attempt++)
        {
            var certificate = NewEcdsaCertificate();
            base64 = Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));
            if (base64.StartsWith('/'))
            {
                return certificate;
            }

            certificate.Dispose();
        }

        throw new InvalidOperationException("No key with a pin beginning with '/' in 2,000 tries.");
    }

    private static X509Certificate2 NewEcdsaCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=collector", key, HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static string[] Chunks(string hex)
    {
        var parts = new string[hex.Length / 2];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = hex.Substring(i * 2, 2);
        }

        return parts;
    }

    private static X509Certificate2 SelfSigned(string algorithm)
    {
        var now = DateTimeOffset.UtcNow;
        if (algorithm == "ecdsa")
        {
            using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            return new CertificateRequest("CN=pin-test", ec, HashAlgorithmName.SHA256).CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        }

        using var rsa = RSA.Create(2048);
        return new CertificateRequest("CN=pin-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
    }
}
