using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Http;
using Microsoft.Identity.Client;

namespace MdeSiem.Core.Auth;

/// <summary>
/// A user signs in once (device code or system browser with PKCE); afterwards MSAL gets tokens for each resource
/// silently from its cache with the refresh token, so the user is asked again only if that fails.
/// </summary>
internal sealed class DelegatedTokenSource : IAccessTokenSource, ISignOutTokenSource
{
    // The loopback redirect MSAL listens on for the system browser; the app registration must list it.
    private const string LoopbackRedirectUri = "http://localhost";

    private readonly AuthenticationFlow _flow;
    private readonly Func<string, CancellationToken, Task>? _deviceCodeCallback;
    private readonly SemaphoreSlim _signInGate = new(1, 1);
    private IPublicClientApplication? _application;
    private IAccount? _account;

    public DelegatedTokenSource(
        AuthenticationFlow flow,
        string tenantId,
        string clientId,
        Func<string, CancellationToken, Task>? deviceCodeCallback,
        ServiceEndpoints endpoints,
        HttpMessageHandler transport)
    {
        _flow = flow;
        _deviceCodeCallback = deviceCodeCallback;
        var builder = PublicClientApplicationBuilder
            .Create(clientId)
            .WithRedirectUri(LoopbackRedirectUri)
            .WithHttpClientFactory(new MsalHttpClientFactory(transport));
        _application = MsalAuthority.Configure(builder, endpoints, tenantId).Build();
    }

    public async Task<string> GetAccessTokenAsync(string resource, bool forceRefresh, CancellationToken cancellationToken)
    {
        var application = _application ?? throw SignedOut.Error();
        var scopes = MsalAuthority.DefaultScopes(resource);
        await _signInGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_account is not null)
            {
                try
                {
                    var silent = await application.AcquireTokenSilent(scopes, _account)
                        .WithForceRefresh(forceRefresh)
                        .ExecuteAsync(cancellationToken)
                        .ConfigureAwait(false);
                    return silent.AccessToken;
                }
                catch (MsalUiRequiredException)
                {
                    // The refresh token expired or consent is missing: the user must sign in again.
                }
            }

            var result = await SignInAsync(application, scopes, cancellationToken).ConfigureAwait(false);
            _account = result.Account;
            return result.AccessToken;
        }
        catch (MsalException exception)
        {
            throw MsalFailureTranslator.Translate(exception);
        }
        finally
        {
            _signInGate.Release();
        }
    }

    public async Task SignOutAsync()
    {
        var application = _application;
        _application = null;
        _account = null;
        if (application is null)
        {
            return;
        }

        foreach (var account in (await application.GetAccountsAsync().ConfigureAwait(false)).ToList())
        {
            await application.RemoveAsync(account).ConfigureAwait(false);
        }
    }

    private Task<AuthenticationResult> SignInAsync(IPublicClientApplication application, string[] scopes, CancellationToken cancellationToken)
    {
        if (_flow == AuthenticationFlow.DeviceCode)
        {
            var callback = _deviceCodeCallback
                ?? throw new MdeSiemException(ErrorCode.InvalidArgument, "Device code sign-in needs somewhere to show the code.");
            return application
                .AcquireTokenWithDeviceCode(scopes, code => callback(code.Message, cancellationToken))
                .ExecuteAsync(cancellationToken);
        }

        return application
            .AcquireTokenInteractive(scopes)
            .WithUseEmbeddedWebView(false)
            .WithPrompt(Prompt.SelectAccount)
            .ExecuteAsync(cancellationToken);
    }
}
