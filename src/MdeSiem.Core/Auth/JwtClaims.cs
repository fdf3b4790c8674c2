using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace MdeSiem.Core.Auth;

/// <summary>
/// The few claims of an access token the module reads for display and expiry (aud, exp, roles, scp). The
/// signature is not checked: the service does that; the module only needs to know what it holds.
/// </summary>
internal sealed class JwtClaims
{
    private JwtClaims(string? audience, string? tenantId, string? clientId, DateTime? expiresOnUtc, IReadOnlyList<string> roles, IReadOnlyList<string> scopes)
    {
        Audience = audience;
        TenantId = tenantId;
        ClientId = clientId;
        ExpiresOnUtc = expiresOnUtc;
        Roles = roles;
        Scopes = scopes;
    }

    public string? Audience { get; }

    /// <summary>The tid claim: the tenant that issued the token.</summary>
    public string? TenantId { get; }

    /// <summary>The appid (v1) or azp (v2) claim: the application the token was issued to.</summary>
    public string? ClientId { get; }

    public DateTime? ExpiresOnUtc { get; }

    public IReadOnlyList<string> Roles { get; }

    public IReadOnlyList<string> Scopes { get; }

    /// <summary>The claims of a JWT, or null when the token is not a JWT (some tokens are opaque).</summary>
    public static JwtClaims? TryRead(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || !TryDecodeBase64Url(parts[1], out var payload))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            string? audience = StringClaim(root, "aud");
            string? tenantId = StringClaim(root, "tid");
            string? clientId = StringClaim(root, "appid") ?? StringClaim(root, "azp");
            DateTime? expires = root.TryGetProperty("exp", out var exp) && exp.ValueKind == JsonValueKind.Number && exp.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime
                : null;
            var roles = new List<string>();
            if (root.TryGetProperty("roles", out var roleArray) && roleArray.ValueKind == JsonValueKind.Array)
            {
                foreach (var role in roleArray.EnumerateArray())
                {
                    if (role.ValueKind == JsonValueKind.String)
                    {
                        roles.Add(role.GetString()!);
                    }
                }
            }

            var scopes = new List<string>();
            if (root.TryGetProperty("scp", out var scp) && scp.ValueKind == JsonValueKind.String)
            {
                scopes.AddRange(scp.GetString()!.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries));
            }

            return new JwtClaims(audience, tenantId, clientId, expires, roles, scopes);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? StringClaim(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool TryDecodeBase64Url(string text, out byte[] bytes)
    {
        var base64 = new StringBuilder(text.Length + 3).Append(text).Replace('-', '+').Replace('_', '/');
        while (base64.Length % 4 != 0)
        {
            base64.Append('=');
        }

        try
        {
            bytes = Convert.FromBase64String(base64.ToString());
            return true;
        }
        catch (FormatException)
        {
            bytes = Array.Empty<byte>();
            return false;
        }
    }
}
