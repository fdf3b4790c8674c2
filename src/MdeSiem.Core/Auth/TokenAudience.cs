using System;

namespace MdeSiem.Core.Auth;

/// <summary>Compares a token's aud claim with the audience an API needs.</summary>
internal static class TokenAudience
{
    /// <summary>
    /// False only when both are URIs of different hosts (a graph.windows.net token sent to graph.microsoft.com). An
    /// aud that is an application id (a GUID, as v2 tokens may carry) cannot be compared with a resource URI here, so
    /// it is not called a mismatch.
    /// </summary>
    public static bool Matches(string audience, string resource)
    {
        if (!Uri.TryCreate(audience, UriKind.Absolute, out var held) || !Uri.TryCreate(resource, UriKind.Absolute, out var needed))
        {
            return true;
        }

        return string.Equals(held.Host, needed.Host, StringComparison.OrdinalIgnoreCase);
    }
}
