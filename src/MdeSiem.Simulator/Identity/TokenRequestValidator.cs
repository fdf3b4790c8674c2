using System;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Identity;

/// <summary>
/// Decides a client-credentials token request in the order Entra ID does: tenant, parameters, grant type, client,
/// secret, then resource (v1) or scope (v2). An unknown resource is invalid_resource in both versions, as Entra
/// answers; a v2 scope without the /.default suffix is invalid_scope.
/// </summary>
internal sealed class TokenRequestValidator
{
    private const string DefaultScopeSuffix = "/.default";

    // MSAL may add OpenID Connect scopes to any request; Entra ignores them for app-only tokens.
    private static readonly string[] OpenIdScopes = ["openid", "profile", "offline_access"];

    private readonly AppDirectory directory;
    private readonly ClientAssertionValidator assertions;

    public TokenRequestValidator(AppDirectory directory, ClientAssertionValidator assertions)
    {
        this.directory = directory;
        this.assertions = assertions;
    }

    /// <returns>The error to answer with, or null when <paramref name="app"/> may get a token for <paramref name="audience"/>.</returns>
    public EntraError? Validate(string tenant, IFormCollection form, bool isV2, out RegisteredApp? app, out string audience)
    {
        app = null;
        audience = "";
        if (!directory.IsKnownTenant(tenant))
        {
            return EntraError.TenantNotFound(tenant);
        }

        string grantType = form["grant_type"].ToString();
        string clientId = form["client_id"].ToString();
        if (grantType.Length == 0)
        {
            return EntraError.MissingParameter("grant_type");
        }

        if (grantType != "client_credentials")
        {
            return EntraError.UnsupportedGrant(grantType);
        }

        if (clientId.Length == 0)
        {
            return EntraError.MissingParameter("client_id");
        }

        app = directory.FindApp(tenant, clientId);
        if (app is null)
        {
            return EntraError.UnknownClient(clientId, tenant);
        }

        string assertion = form["client_assertion"].ToString();
        if (assertion.Length > 0)
        {
            EntraError? assertionError = assertions.Validate(app, form["client_assertion_type"].ToString(), assertion);
            if (assertionError is not null)
            {
                return assertionError;
            }
        }
        else if (form["client_secret"].ToString() is var secret && secret.Length == 0)
        {
            return EntraError.MissingSecret();
        }

        else if (!AppDirectory.IsSecretValid(app, secret))
        {
            return EntraError.InvalidSecret(app.ClientId);
        }

        return isV2 ? ValidateScope(form["scope"].ToString(), app, out audience) : ValidateResource(form["resource"].ToString(), app, out audience);
    }

    private static EntraError? ValidateResource(string resource, RegisteredApp app, out string audience)
    {
        audience = "";
        if (resource.Length == 0)
        {
            return EntraError.MissingParameter("resource");
        }

        audience = KnownResources.Canonical(resource) ?? "";
        return audience.Length == 0 ? EntraError.UnknownResource(resource, app.TenantId) : null;
    }

    private static EntraError? ValidateScope(string scopeParameter, RegisteredApp app, out string audience)
    {
        audience = "";
        string? scope = scopeParameter
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(candidate => !OpenIdScopes.Contains(candidate, StringComparer.OrdinalIgnoreCase));
        if (scope is null)
        {
            return EntraError.MissingParameter("scope");
        }

        if (!scope.EndsWith(DefaultScopeSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return EntraError.ScopeWithoutDefault(scope);
        }

        string resource = scope.Substring(0, scope.Length - DefaultScopeSuffix.Length);
        audience = KnownResources.Canonical(resource) ?? "";
        return audience.Length == 0 ? EntraError.UnknownResource(resource, app.TenantId) : null;
    }
}
