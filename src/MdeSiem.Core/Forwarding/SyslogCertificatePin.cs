using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// One pin for a collector's certificate: "sha256/BASE64", the SHA-256 of its DER SubjectPublicKeyInfo in base64
/// (the form of RFC 7469 and curl's --pinnedpubkey, which survives a renewal with the same key), or the
/// certificate's own SHA-1 (40 hex digits, Windows' thumbprint) or SHA-256 (64 hex digits) fingerprint.
/// </summary>
internal sealed class SyslogCertificatePin
{
    private const string SpkiPrefix = "sha256/";
    private readonly string _value;
    private readonly PinKind _kind;

    private SyslogCertificatePin(PinKind kind, string value)
    {
        _kind = kind;
        _value = value;
    }

    private enum PinKind
    {
        SpkiSha256,
        CertificateSha1,
        CertificateSha256,
    }

    public static SyslogCertificatePin Parse(string text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.StartsWith(SpkiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            // curl writes "sha256//BASE64": one more slash, which is not part of the base64. A base64 SHA-256 may
            // itself begin with '/' (one key in 64), so only a slash that leaves a valid SHA-256 is dropped.
            var rest = trimmed.Substring(SpkiPrefix.Length);
            if (IsSha256Base64(rest))
            {
                return new SyslogCertificatePin(PinKind.SpkiSha256, rest);
            }

            if (rest.StartsWith("/", StringComparison.Ordinal) && IsSha256Base64(rest.Substring(1)))
            {
                return new SyslogCertificatePin(PinKind.SpkiSha256, rest.Substring(1));
            }
        }

        var hex = trimmed.Replace(":", string.Empty).Replace(" ", string.Empty).ToUpperInvariant();
        if (IsHex(hex) && hex.Length is 40 or 64)
        {
            return new SyslogCertificatePin(hex.Length == 40 ? PinKind.CertificateSha1 : PinKind.CertificateSha256, hex);
        }

        throw new MdeSiemException(ErrorCode.InvalidArgument, $"'{text}' is not a certificate pin.")
        {
            RecommendedAction = "Give 'sha256/' followed by the base64 SHA-256 of the certificate's public key (SubjectPublicKeyInfo), or the certificate's SHA-1 or SHA-256 thumbprint in hex.",
            Target = text,
        };
    }

    /// <summary>The "sha256/BASE64" pin of a certificate's public key.</summary>
    public static string SpkiPinOf(X509Certificate2 certificate) => SpkiPrefix + Convert.ToBase64String(SpkiSha256(certificate));

    public bool Matches(X509Certificate2 certificate) => _kind switch
    {
        PinKind.SpkiSha256 => string.Equals(_value, Convert.ToBase64String(SpkiSha256(certificate)), StringComparison.Ordinal),
        PinKind.CertificateSha1 => string.Equals(_value, certificate.Thumbprint, StringComparison.OrdinalIgnoreCase),
        _ => string.Equals(_value, Hex(Sha256(certificate.RawData)), StringComparison.Ordinal),
    };

    private static byte[] SpkiSha256(X509Certificate2 certificate) => Sha256(DerCertificate.SubjectPublicKeyInfo(certificate.RawData));

    private static byte[] Sha256(byte[] data)
    {
        using var sha = SHA256.Create();
        return sha.ComputeHash(data);
    }

    private static string Hex(byte[] bytes)
    {
        var builder = new System.Text.StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            builder.Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static bool IsHex(string text)
    {
        foreach (var c in text)
        {
            if (!Uri.IsHexDigit(c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    private static bool IsSha256Base64(string text)
    {
        try
        {
            return Convert.FromBase64String(text).Length == 32;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
