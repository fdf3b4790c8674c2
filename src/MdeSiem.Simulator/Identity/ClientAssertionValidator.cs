using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace MdeSiem.Simulator.Identity;

/// <summary>
/// Checks a client assertion (RFC 7523 private_key_jwt) as Entra does: the jwt-bearer type, iss = sub = client id,
/// not expired, and an RS256 or PS256 signature by a certificate registered for the app. The assertion's times
/// come from the client's clock, so they are checked against the real clock, not the simulator's.
/// </summary>
internal sealed class ClientAssertionValidator
{
    public const string JwtBearerType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private readonly CertificateRegistry certificates;

    public ClientAssertionValidator(CertificateRegistry certificates)
    {
        this.certificates = certificates;
    }

    public EntraError? Validate(RegisteredApp app, string assertionType, string assertion)
    {
        if (assertionType != JwtBearerType)
        {
            return EntraError.InvalidAssertionType(assertionType);
        }

        string[] parts = assertion.Split('.');
        if (parts.Length != 3 || !TryDecode(parts[0], out byte[] header) || !TryDecode(parts[1], out byte[] payload)
            || !TryDecode(parts[2], out byte[] signature))
        {
            return EntraError.InvalidAssertion("The client assertion is not a well-formed JWT.");
        }

        string algorithm;
        string thumbprint;
        string issuer;
        string subject;
        long expires;
        try
        {
            using JsonDocument headerDocument = JsonDocument.Parse(header);
            using JsonDocument payloadDocument = JsonDocument.Parse(payload);
            algorithm = headerDocument.RootElement.GetProperty("alg").GetString() ?? "";
            thumbprint = headerDocument.RootElement.TryGetProperty("x5t#S256", out JsonElement sha256)
                ? sha256.GetString() ?? ""
                : headerDocument.RootElement.TryGetProperty("x5t", out JsonElement sha1) ? sha1.GetString() ?? "" : "";
            issuer = payloadDocument.RootElement.GetProperty("iss").GetString() ?? "";
            subject = payloadDocument.RootElement.GetProperty("sub").GetString() ?? "";
            // MSAL.NET writes NumericDate claims as strings ("exp":"1795581823"); others write numbers.
            JsonElement exp = payloadDocument.RootElement.GetProperty("exp");
            expires = exp.ValueKind == JsonValueKind.String ? long.Parse(exp.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : exp.GetInt64();
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or System.Collections.Generic.KeyNotFoundException or FormatException)
        {
            return EntraError.InvalidAssertion("The client assertion lacks required claims.");
        }

        if (!string.Equals(issuer, app.ClientId, StringComparison.OrdinalIgnoreCase) || !string.Equals(subject, app.ClientId, StringComparison.OrdinalIgnoreCase))
        {
            return EntraError.InvalidAssertion("The client assertion's iss and sub must be the client id.");
        }

        if (DateTimeOffset.UtcNow.ToUnixTimeSeconds() >= expires)
        {
            return EntraError.InvalidAssertion("The client assertion has expired.");
        }

        RSASignaturePadding? padding = algorithm switch
        {
            "RS256" => RSASignaturePadding.Pkcs1,
            "PS256" => RSASignaturePadding.Pss,
            _ => null,
        };
        byte[] signedPart = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        foreach (X509Certificate2 certificate in certificates.Snapshot())
        {
            using RSA? key = certificate.GetRSAPublicKey();
            if (padding is not null && key is not null && key.VerifyData(signedPart, signature, HashAlgorithmName.SHA256, padding))
            {
                return null;
            }
        }

        return EntraError.InvalidSignature(thumbprint);
    }

    private static bool TryDecode(string segment, out byte[] bytes)
    {
        bytes = [];
        try
        {
            bytes = Base64Url.DecodeFromChars(segment);
            return segment.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
