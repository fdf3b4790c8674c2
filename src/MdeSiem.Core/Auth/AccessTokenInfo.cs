using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Auth;

/// <summary>What a connection knows about the token it holds for one audience: never the token itself.</summary>
public sealed class AccessTokenInfo
{
    internal AccessTokenInfo(string resource, DateTime? expiresOnUtc, IReadOnlyList<string> roles, IReadOnlyList<string> scopes)
    {
        Resource = resource;
        ExpiresOnUtc = expiresOnUtc;
        Roles = roles;
        Scopes = scopes;
    }

    /// <summary>The audience the token was requested for, e.g. https://graph.windows.net.</summary>
    public string Resource { get; }

    /// <summary>When the token expires (UTC); null for a token that is not a JWT.</summary>
    public DateTime? ExpiresOnUtc { get; }

    /// <summary>Application permissions (app-only flows).</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>Delegated permissions (device code, interactive).</summary>
    public IReadOnlyList<string> Scopes { get; }

    public override string ToString() => $"{Resource} (expires {ExpiresOnUtc:u})";
}
