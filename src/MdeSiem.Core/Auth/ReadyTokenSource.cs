using System;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Auth;

/// <summary>
/// A token the user obtained elsewhere (Get-AzAccessToken, a pipeline variable). It cannot be refreshed: once its
/// exp has passed, or the service refuses it, every request fails with TokenExpired.
/// </summary>
internal sealed class ReadyTokenSource : IAccessTokenSource, ISignOutTokenSource
{
    private SecureString? _token;

    public ReadyTokenSource(SecureString token)
    {
        _token = token.Copy();
        _token.MakeReadOnly();
    }

    public Task<string> GetAccessTokenAsync(string resource, bool forceRefresh, CancellationToken cancellationToken)
    {
        var secure = _token ?? throw SignedOut.Error();
        var token = SecureStringConverter.ToPlainText(secure);
        var claims = JwtClaims.TryRead(token);
        if (forceRefresh)
        {
            // The service refused the token: it is for another API (the token names its audience, so say which),
            // or it expired by the service's clock or was revoked.
            if (claims?.Audience is { } audience && !TokenAudience.Matches(audience, resource))
            {
                throw new MdeSiemException(
                    ErrorCode.TokenAudienceMismatch,
                    $"The service refused the access token: it was issued for '{audience}', and this API needs a token for '{resource}'.")
                {
                    TokenAudience = audience,
                    RequiredAudience = resource,
                    RecommendedAction = $"Get a token for {resource} (e.g. Get-AzAccessToken -ResourceUrl {resource}) and connect with it under its own -Name, or connect with a flow that gets each API's token itself (certificate, client secret, managed identity).",
                };
            }

            throw Expired("The service refused the access token and a ready token cannot be refreshed.");
        }

        if (claims?.ExpiresOnUtc is { } expires && expires <= DateTime.UtcNow)
        {
            throw Expired($"The access token expired at {expires:u}; a ready token cannot be refreshed.");
        }

        return Task.FromResult(token);
    }

    public Task SignOutAsync()
    {
        _token?.Dispose();
        _token = null;
        return Task.CompletedTask;
    }

    private static MdeSiemException Expired(string message) => new(ErrorCode.TokenExpired, message)
    {
        RecommendedAction = "Get a new token and run Connect-MdeSiem -AccessToken again, or connect with a flow that refreshes tokens (certificate, client secret, managed identity).",
    };
}
