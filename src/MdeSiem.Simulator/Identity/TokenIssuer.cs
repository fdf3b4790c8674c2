using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace MdeSiem.Simulator.Identity;

/// <summary>
/// Issues app-only access tokens shaped like Entra ID's v1 tokens: RS256 JWTs with aud, iss
/// (https://sts.windows.net/{tid}/), tid, appid, roles and iat/nbf/exp.
/// </summary>
internal sealed class TokenIssuer
{
    /// <summary>The application role an app needs for the SIEM API.</summary>
    public const string SiemRole = "Alert.Read.All";

    private readonly SigningKey key;
    private readonly TimeProvider clock;
    private readonly TimeSpan lifetime;

    public TokenIssuer(SigningKey key, TimeProvider clock, TimeSpan lifetime)
    {
        this.key = key;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public static string Issuer(string tenantId) => $"https://sts.windows.net/{tenantId}/";

    public IssuedToken Issue(RegisteredApp app, string audience)
    {
        // Whole seconds: JWT times are NumericDate seconds, and expires_on must agree with exp.
        var now = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds());
        DateTimeOffset expires = now + lifetime;
        string header = Encode(writer =>
        {
            writer.WriteString("typ", "JWT");
            writer.WriteString("alg", "RS256");
            writer.WriteString("kid", key.KeyId);
        });
        string payload = Encode(writer =>
        {
            writer.WriteString("aud", audience);
            writer.WriteString("iss", Issuer(app.TenantId));
            writer.WriteNumber("iat", now.ToUnixTimeSeconds());
            writer.WriteNumber("nbf", now.ToUnixTimeSeconds());
            writer.WriteNumber("exp", expires.ToUnixTimeSeconds());
            writer.WriteString("aio", Guid.NewGuid().ToString("N"));
            writer.WriteString("appid", app.ClientId);
            writer.WriteString("appidacr", "1");
            writer.WriteString("idp", Issuer(app.TenantId));
            writer.WriteString("oid", app.ServicePrincipalId);
            writer.WriteStartArray("roles");
            writer.WriteStringValue(SiemRole);
            writer.WriteEndArray();
            writer.WriteString("sub", app.ServicePrincipalId);
            writer.WriteString("tid", app.TenantId);
            writer.WriteString("uti", Base64Url.EncodeToString(Guid.NewGuid().ToByteArray()));
            writer.WriteString("ver", "1.0");
        });
        string signedPart = header + "." + payload;
        string signature = Base64Url.EncodeToString(key.Sign(Encoding.ASCII.GetBytes(signedPart)));
        return new IssuedToken(signedPart + "." + signature, audience, now, expires);
    }

    private static string Encode(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        return Base64Url.EncodeToString(buffer.WrittenSpan);
    }
}
