using System;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace MdeSiem.Simulator.Identity;

/// <summary>
/// Checks an Authorization header the way a resource server does: Bearer scheme, RS256 signature by this
/// simulator's key, lifetime, audience, issuer. No clock skew is allowed, unlike real services (five minutes), so
/// that tests can expire a token by moving the clock just past its lifetime.
/// </summary>
internal sealed class AccessTokenValidator
{
    private readonly SigningKey key;
    private readonly TimeProvider clock;
    private readonly AppDirectory directory;
    private readonly Func<string, bool> isAcceptedAudience;

    public AccessTokenValidator(SigningKey key, TimeProvider clock, AppDirectory directory, Func<string, bool> isAcceptedAudience)
    {
        this.key = key;
        this.clock = clock;
        this.directory = directory;
        this.isAcceptedAudience = isAcceptedAudience;
    }

    public TokenCheck Check(string? authorizationHeader)
    {
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return new TokenCheck(TokenOutcome.Missing, "Authorization header is missing.");
        }

        const string Scheme = "Bearer ";
        if (!authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return new TokenCheck(TokenOutcome.Malformed, "Authorization header must use the Bearer scheme.");
        }

        string[] parts = authorizationHeader.Substring(Scheme.Length).Trim().Split('.');
        if (parts.Length != 3 || !TryDecode(parts[0], out byte[] header) || !TryDecode(parts[1], out byte[] payload)
            || !TryDecode(parts[2], out byte[] signature))
        {
            return new TokenCheck(TokenOutcome.Malformed, "The access token is not a well-formed JWT.");
        }

        if (!HasExpectedAlgorithm(header)
            || !key.Verify(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature))
        {
            return new TokenCheck(TokenOutcome.InvalidSignature, "The access token signature is invalid.");
        }

        return CheckClaims(payload);
    }

    private TokenCheck CheckClaims(byte[] payload)
    {
        string audience;
        string tenantId;
        string issuer;
        long notBefore;
        long expires;
        try
        {
            using JsonDocument document = JsonDocument.Parse(payload);
            JsonElement claims = document.RootElement;
            audience = claims.GetProperty("aud").GetString() ?? "";
            tenantId = claims.GetProperty("tid").GetString() ?? "";
            issuer = claims.GetProperty("iss").GetString() ?? "";
            notBefore = claims.GetProperty("nbf").GetInt64();
            expires = claims.GetProperty("exp").GetInt64();
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or System.Collections.Generic.KeyNotFoundException or FormatException)
        {
            return new TokenCheck(TokenOutcome.Malformed, "The access token lacks required claims.");
        }

        long now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (now >= expires)
        {
            return new TokenCheck(TokenOutcome.Expired, "The access token has expired.");
        }

        if (now < notBefore)
        {
            return new TokenCheck(TokenOutcome.NotYetValid, "The access token is not yet valid.");
        }

        if (!isAcceptedAudience(audience))
        {
            return new TokenCheck(TokenOutcome.WrongAudience, "The access token audience is not valid for this API.");
        }

        if (!directory.IsKnownTenant(tenantId) || issuer != TokenIssuer.Issuer(tenantId))
        {
            return new TokenCheck(TokenOutcome.UnknownIssuer, "The access token issuer is not trusted.");
        }

        return directory.IsManagedTenant(tenantId)
            ? TokenCheck.Valid
            : new TokenCheck(TokenOutcome.Forbidden, "Unauthorized exception: the tenant is not managed by the tenant administrator or its state is deleted.");
    }

    private static bool HasExpectedAlgorithm(byte[] header)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(header);
            return document.RootElement.TryGetProperty("alg", out JsonElement algorithm) && algorithm.ValueEquals("RS256");
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryDecode(string segment, out byte[] bytes)
    {
        bytes = [];
        if (segment.Length == 0)
        {
            return false;
        }

        try
        {
            bytes = Base64Url.DecodeFromChars(segment);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
