using System.Threading;
using System.Threading.Tasks;

namespace MdeSiem.Core.Auth;

/// <summary>Hands out bearer tokens for a resource, refreshing them before they expire.</summary>
public interface IAccessTokenSource
{
    /// <param name="resource">The token audience, e.g. https://graph.windows.net.</param>
    /// <param name="forceRefresh">Skip the cache: the service refused the cached token.</param>
    /// <param name="cancellationToken">Cancels the token request.</param>
    Task<string> GetAccessTokenAsync(string resource, bool forceRefresh, CancellationToken cancellationToken);
}
