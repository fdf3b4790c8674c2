using System.Net.Http;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Auth;

/// <summary>Picks the token source for the flow the user chose, checking that its credential was given.</summary>
internal static class TokenSourceFactory
{
    // Delegated sign-in without a tenant goes to any work or school account's home tenant.
    private const string AnyOrganization = "organizations";

    public static IAccessTokenSource Create(ConnectionSettings settings, ServiceEndpoints endpoints, HttpMessageHandler transport)
    {
        switch (settings.Flow)
        {
            case AuthenticationFlow.ClientSecret:
                return ClientSecretTokenSource.Create(
                    RequireTenant(settings),
                    RequireClient(settings),
                    settings.ClientSecret ?? throw Missing("A client secret"),
                    endpoints,
                    transport);
            case AuthenticationFlow.Certificate:
                return CertificateTokenSource.Create(
                    RequireTenant(settings),
                    RequireClient(settings),
                    settings.Certificate ?? throw Missing("A certificate"),
                    endpoints,
                    transport);
            case AuthenticationFlow.AccessToken:
                return new ReadyTokenSource(settings.AccessToken ?? throw Missing("An access token"));
            case AuthenticationFlow.ManagedIdentity:
                return new ManagedIdentityTokenSource(settings.ClientId, transport);
            default:
                var tenant = string.IsNullOrEmpty(settings.TenantId) ? AnyOrganization : settings.TenantId;
                return new DelegatedTokenSource(settings.Flow, tenant, RequireClient(settings), settings.DeviceCodeCallback, endpoints, transport);
        }
    }

    private static string RequireTenant(ConnectionSettings settings) =>
        string.IsNullOrEmpty(settings.TenantId) ? throw Missing("A tenant id") : settings.TenantId;

    private static string RequireClient(ConnectionSettings settings) =>
        string.IsNullOrEmpty(settings.ClientId) ? throw Missing("An application (client) id") : settings.ClientId;

    private static MdeSiemException Missing(string what) =>
        new(ErrorCode.InvalidArgument, $"{what} is required for this sign-in.");
}
