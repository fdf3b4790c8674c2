using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace MdeSiem.Core.Auth;

/// <summary>
/// Remembers, per audience, what the last token handed out says about itself (expiry, roles, scopes) so that
/// Get-MdeSiemConnection can show it without ever keeping the token.
/// </summary>
internal sealed class TrackedTokenSource : IAccessTokenSource
{
    private readonly IAccessTokenSource _inner;
    private readonly ConcurrentDictionary<string, AccessTokenInfo> _seen = new(StringComparer.OrdinalIgnoreCase);

    public TrackedTokenSource(IAccessTokenSource inner)
    {
        _inner = inner;
    }

    public IAccessTokenSource Inner => _inner;

    public IReadOnlyList<AccessTokenInfo> Seen => _seen.Values.OrderBy(info => info.Resource, StringComparer.Ordinal).ToList();

    public async Task<string> GetAccessTokenAsync(string resource, bool forceRefresh, CancellationToken cancellationToken)
    {
        var token = await _inner.GetAccessTokenAsync(resource, forceRefresh, cancellationToken).ConfigureAwait(false);
        var claims = JwtClaims.TryRead(token);
        _seen[resource] = new AccessTokenInfo(
            resource,
            claims?.ExpiresOnUtc,
            claims?.Roles ?? Array.Empty<string>(),
            claims?.Scopes ?? Array.Empty<string>());
        return token;
    }

    public void Forget() => _seen.Clear();
}
