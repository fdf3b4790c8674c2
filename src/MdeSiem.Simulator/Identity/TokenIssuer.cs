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
    private readonly IssuedSecrets issued;

    public TokenIssuer(SigningKey key, TimeProvider clock, TimeSpan lifetime, IssuedSecrets issued)
    {
        this.key = key;
        this.clock = clock;
        this.lifetime = lifetime;
        this.issued = issued;
    }

    public static string Issuer(string tenantId) => $"https://sts.windows.net/{tenantId}/";

    public IssuedToken Issue(RegisteredApp app, string audience) => Issue(TokenSubject.ForApp(app), audience);

    /// <summary>Lifetime of tokens as issued, for endpoints that report expires_in themselves.</summary>
    public TimeSpan Lifetime => lifetime;

    /// <summary>
    /// A JWT signed with the token key and arbitrary claims: the id tokens of delegated sign-ins. Nobody validates
    /// them against the API, but MSAL reads them to build the account.
    /// </summary>
    public string Sign(Action<Utf8JsonWriter> writeClaims)
    {
        string header = Encode(writer =>
        {
            writer.WriteString("typ", "JWT");
            writer.WriteString("alg", "RS256");
            writer.WriteString("kid", key.KeyId);
        });
        string signedPart = header + "." + Encode(writeClaims);
        string jwt = signedPart + "." + Base64Url.EncodeToString(key.Sign(Encoding.ASCII.GetBytes(signedPart)));
        issued.Add(jwt);
        return jwt;
    }

    public IssuedToken Issue(TokenSubject subject, string audience)
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
            writer.WriteString("iss", Issuer(subject.TenantId));
            writer.WriteNumber("iat", now.ToUnixTimeSeconds());
            writer.WriteNumber("nbf", now.ToUnixTimeSeconds());
            writer.WriteNumber("exp", expires.ToUnixTimeSeconds());
            writer.WriteString("aio", Guid.NewGuid().ToString("N"));
            writer.WriteString("appid", subject.ClientId);
            writer.WriteString("appidacr", subject.UserName is null ? "1" : "0");
            writer.WriteString("idp", Issuer(subject.TenantId));
            writer.WriteString("oid", subject.ObjectId);
            if (subject.Roles.Count > 0)
            {
                writer.WriteStartArray("roles");
                foreach (string role in subject.Roles)
                {
                    writer.WriteStringValue(role);
                }

                writer.WriteEndArray();
            }

            if (subject.Scope is not null)
            {
                writer.WriteString("scp", subject.Scope);
            }

            if (subject.UserName is not null)
            {
                writer.WriteString("upn", subject.UserName);
            }

            writer.WriteString("sub", subject.ObjectId);
            writer.WriteString("tid", subject.TenantId);
            writer.WriteString("uti", Base64Url.EncodeToString(Guid.NewGuid().ToByteArray()));
            writer.WriteString("ver", "1.0");
        });
        string signedPart = header + "." + payload;
        string signature = Base64Url.EncodeToString(key.Sign(Encoding.ASCII.GetBytes(signedPart)));
        issued.Add(signedPart + "." + signature);
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
