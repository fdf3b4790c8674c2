using System.Threading;
using System.Threading.Tasks;
using Microsoft.Identity.Client;

namespace MdeSiem.Core.Auth;

/// <summary>
/// Client credentials through MSAL, whatever proves the app's identity (secret or certificate). MSAL keeps tokens
/// per resource in its in-memory cache and asks for a new one shortly before one expires, so long pulls do not see
/// a 401 for an expired token.
/// </summary>
internal sealed class ConfidentialClientTokenSource : IAccessTokenSource, ISignOutTokenSource
{
    private IConfidentialClientApplication? _application;

    public ConfidentialClientTokenSource(IConfidentialClientApplication application)
    {
        _application = application;
    }

    public async Task<string> GetAccessTokenAsync(string resource, bool forceRefresh, CancellationToken cancellationToken)
    {
        var application = _application ?? throw SignedOut.Error();
        try
        {
            var result = await application
                .AcquireTokenForClient(MsalAuthority.DefaultScopes(resource))
                .WithForceRefresh(forceRefresh)
                .ExecuteAsync(cancellationToken)
                .ConfigureAwait(false);
            return result.AccessToken;
        }
        catch (MsalException exception)
        {
            throw MsalFailureTranslator.Translate(exception);
        }
    }

    /// <summary>App tokens cannot be removed from MSAL's cache one by one: dropping the application drops its cache.</summary>
    public Task SignOutAsync()
    {
        _application = null;
        return Task.CompletedTask;
    }
}
