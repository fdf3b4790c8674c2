using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Identity;

/// <summary>
/// The token endpoint's delegated grants: the device code (urn:ietf:params:oauth:grant-type:device_code), the
/// authorization code (with its PKCE verifier) and the refresh token. Answers like Entra's v2 endpoint for a user:
/// access token with scp, refresh token, id token and client_info, which MSAL needs to file the account in its cache.
/// </summary>
internal sealed class DelegatedTokenGrant
{
    public const string DeviceCodeGrantType = "urn:ietf:params:oauth:grant-type:device_code";

    // Entra also accepts the short name, and MSAL.NET sends it.
    public const string ShortDeviceCodeGrantType = "device_code";
    public const string RefreshTokenGrantType = "refresh_token";
    public const string AuthorizationCodeGrantType = "authorization_code";

    private static readonly string[] OpenIdScopes = ["openid", "profile", "offline_access"];

    private readonly AppDirectory directory;
    private readonly DelegatedSignIns signIns;
    private readonly TokenIssuer issuer;
    private readonly BrowserSignIns browserSignIns;

    public DelegatedTokenGrant(AppDirectory directory, DelegatedSignIns signIns, TokenIssuer issuer, BrowserSignIns browserSignIns)
    {
        this.directory = directory;
        this.signIns = signIns;
        this.issuer = issuer;
        this.browserSignIns = browserSignIns;
    }

    public static bool Handles(string grantType) =>
        grantType is DeviceCodeGrantType or ShortDeviceCodeGrantType or RefreshTokenGrantType or AuthorizationCodeGrantType;

    public Task HandleAsync(HttpContext context, string tenant, IFormCollection form)
    {
        if (!directory.IsKnownTenant(tenant))
        {
            return EntraError.TenantNotFound(tenant).WriteAsync(context);
        }

        string clientId = form["client_id"].ToString();
        RegisteredApp? app;
        EntraError? error = form["grant_type"].ToString() switch
        {
            DeviceCodeGrantType or ShortDeviceCodeGrantType => signIns.Redeem(form["device_code"].ToString(), clientId, out app),
            AuthorizationCodeGrantType => browserSignIns.Redeem(
                form["code"].ToString(), clientId, form["redirect_uri"].ToString(), form["code_verifier"].ToString(), out app),
            _ => signIns.RedeemRefreshToken(form["refresh_token"].ToString(), clientId, out app),
        };
        if (error is not null || app is null)
        {
            return (error ?? EntraError.MissingParameter("client_id")).WriteAsync(context);
        }

        string scope = form["scope"].ToString()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(candidate => !OpenIdScopes.Contains(candidate, StringComparer.OrdinalIgnoreCase)) ?? "";
        string resource = scope.EndsWith("/.default", StringComparison.OrdinalIgnoreCase) ? scope[..^"/.default".Length] : scope;
        string? audience = KnownResources.Canonical(resource);
        if (audience is null)
        {
            return EntraError.UnknownResource(resource, app.TenantId).WriteAsync(context);
        }

        return WriteTokensAsync(context, app, audience, scope);
    }

    private Task WriteTokensAsync(HttpContext context, RegisteredApp app, string audience, string scope)
    {
        IssuedToken token = issuer.Issue(signIns.SubjectFor(app), audience);
        long lifetime = (long)(token.ExpiresOn - token.NotBefore).TotalSeconds;
        string idToken = issuer.Sign(writer =>
        {
            writer.WriteString("aud", app.ClientId);
            writer.WriteString("iss", $"{context.Request.Scheme}://{context.Request.Host.Value}/{app.TenantId}/v2.0");
            writer.WriteNumber("iat", token.NotBefore.ToUnixTimeSeconds());
            writer.WriteNumber("nbf", token.NotBefore.ToUnixTimeSeconds());
            writer.WriteNumber("exp", token.ExpiresOn.ToUnixTimeSeconds());
            writer.WriteString("name", "Security Administrator");
            writer.WriteString("oid", signIns.UserObjectId);
            writer.WriteString("preferred_username", DelegatedSignIns.UserName);
            writer.WriteString("sub", signIns.UserObjectId);
            writer.WriteString("tid", app.TenantId);
            writer.WriteString("ver", "2.0");
        });
        string clientInfo = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            JsonSerializer.Serialize(new ClientInfo(signIns.UserObjectId, app.TenantId), ClientInfoContext.Default.ClientInfo)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("token_type", "Bearer");
            writer.WriteString("scope", scope);
            writer.WriteNumber("expires_in", lifetime);
            writer.WriteNumber("ext_expires_in", lifetime);
            writer.WriteString("access_token", token.AccessToken);
            writer.WriteString("refresh_token", signIns.NewRefreshToken(app));
            writer.WriteString("id_token", idToken);
            writer.WriteString("client_info", clientInfo);
            writer.WriteEndObject();
        });
    }
}
