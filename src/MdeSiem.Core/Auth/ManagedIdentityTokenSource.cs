using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Http;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace MdeSiem.Core.Auth;

/// <summary>
/// The managed identity of the Azure resource the script runs on, through MSAL. MSAL finds the endpoint itself:
/// IDENTITY_ENDPOINT/IDENTITY_HEADER (App Service, Functions, Azure Automation), IMDS on VMs, and so on.
/// </summary>
internal sealed class ManagedIdentityTokenSource : IAccessTokenSource, ISignOutTokenSource
{
    private IManagedIdentityApplication? _application;

    // MSAL shares one token cache among all managed-identity applications of the process, so a new connection (or
    // one made after Disconnect-MdeSiem) would reuse a token of an earlier one: its first request skips the cache.
    private bool _signedIn;

    public ManagedIdentityTokenSource(string? userAssignedClientId, HttpMessageHandler transport)
    {
        var identity = string.IsNullOrEmpty(userAssignedClientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.WithUserAssignedClientId(userAssignedClientId);
        _application = ManagedIdentityApplicationBuilder
            .Create(identity)
            .WithHttpClientFactory(new MsalHttpClientFactory(transport))
            .Build();
    }

    public async Task<string> GetAccessTokenAsync(string resource, bool forceRefresh, CancellationToken cancellationToken)
    {
        var application = _application ?? throw SignedOut.Error();
        try
        {
            var result = await application
                .AcquireTokenForManagedIdentity(resource)
                .WithForceRefresh(forceRefresh || !_signedIn)
                .ExecuteAsync(cancellationToken)
                .ConfigureAwait(false);
            _signedIn = true;
            return result.AccessToken;
        }
        catch (MsalException exception)
        {
            throw MsalFailureTranslator.Translate(exception);
        }
    }

    public Task SignOutAsync()
    {
        _application = null;
        return Task.CompletedTask;
    }
}
