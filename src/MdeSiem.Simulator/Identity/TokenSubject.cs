using System.Collections.Generic;

namespace MdeSiem.Simulator.Identity;

/// <summary>
/// Who a token is issued to: an app (roles, app-only), a managed identity (roles) or a user through an app
/// (scopes, delegated). <paramref name="UserName"/> is null for app-only tokens.
/// </summary>
internal sealed record TokenSubject(
    string TenantId,
    string ClientId,
    string ObjectId,
    IReadOnlyList<string> Roles,
    string? Scope,
    string? UserName)
{
    public static TokenSubject ForApp(RegisteredApp app) =>
        new(app.TenantId, app.ClientId, app.ServicePrincipalId, [TokenIssuer.SiemRole], null, null);
}
