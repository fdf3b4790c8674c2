using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using MdeSiem.Core.Auth;

namespace MdeSiem.Core.StreamingApi;

/// <summary>
/// Lets the blob client take its bearer tokens from the connection's token source (MSAL, managed identity, ready
/// token), for the storage audience, so reading a storage account needs no second sign-in. The Event Hubs client
/// takes its tokens the same way, for its own audience.
/// </summary>
internal sealed class StorageTokenCredential : TokenCredential
{
    /// <summary>The audience of Azure Storage's data plane in every cloud.</summary>
    public const string StorageResource = "https://storage.azure.com";

    // When the token does not say when it expires, ask again after this long (the source caches it anyway).
    private static readonly TimeSpan AssumedLifetime = TimeSpan.FromMinutes(5);

    private readonly IAccessTokenSource _tokens;
    private readonly string _resource;

    public StorageTokenCredential(IAccessTokenSource tokens, string resource = StorageResource)
    {
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _resource = resource;
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        // The client asks for "{resource}/.default"; the source takes the resource itself.
        var token = await _tokens.GetAccessTokenAsync(_resource, forceRefresh: false, cancellationToken).ConfigureAwait(false);
        var expires = JwtClaims.TryRead(token)?.ExpiresOnUtc is { } exp
            ? new DateTimeOffset(DateTime.SpecifyKind(exp, DateTimeKind.Utc))
            : DateTimeOffset.UtcNow + AssumedLifetime;
        return new AccessToken(token, expires);
    }
}
