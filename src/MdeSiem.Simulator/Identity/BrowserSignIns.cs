using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace MdeSiem.Simulator.Identity;

/// <summary>
/// The state of authorization-code sign-ins: requests shown to the user and the codes handed out after consent.
/// A code is redeemed once, by the same client and redirect URI, with the verifier whose S256 hash the client sent
/// as code_challenge.
/// </summary>
internal sealed class BrowserSignIns
{
    // Entra's authorization codes live about ten minutes.
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, AuthorizationRequest> pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AuthorizationRequest> codes = new(StringComparer.Ordinal);
    private readonly TimeProvider clock;
    private readonly IssuedSecrets issued;

    public BrowserSignIns(TimeProvider clock, IssuedSecrets issued)
    {
        this.clock = clock;
        this.issued = issued;
    }

    public AuthorizationRequest Begin(RegisteredApp app, string redirectUri, string scope, string codeChallenge, string state)
    {
        var request = new AuthorizationRequest(
            RandomNumberGenerator.GetHexString(32), app, redirectUri, scope, codeChallenge, state, clock.GetUtcNow() + Lifetime);
        pending[request.Id] = request;
        return request;
    }

    /// <summary>The user's answer to the sign-in page ends the request; null if there is no such request.</summary>
    public AuthorizationRequest? Decide(string requestId) => pending.TryRemove(requestId, out AuthorizationRequest? request) ? request : null;

    public string IssueCode(AuthorizationRequest request)
    {
        string code = "1.A" + RandomNumberGenerator.GetHexString(96);
        codes[code] = request;
        issued.Add(code);
        return code;
    }

    /// <summary>Redeems a code once; the error says why not otherwise (AADSTS501481 for a verifier that does not match).</summary>
    public EntraError? Redeem(string code, string clientId, string redirectUri, string codeVerifier, out RegisteredApp? app)
    {
        app = null;
        if (!codes.TryRemove(code, out AuthorizationRequest? request)
            || !string.Equals(request.App.ClientId, clientId, StringComparison.OrdinalIgnoreCase)
            || clock.GetUtcNow() >= request.ExpiresOn)
        {
            return EntraError.InvalidGrant("authorization code");
        }

        if (!string.Equals(request.RedirectUri, redirectUri, StringComparison.Ordinal))
        {
            return EntraError.RedirectUriMismatch();
        }

        if (codeVerifier.Length == 0 || !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(S256(codeVerifier)), Encoding.ASCII.GetBytes(request.CodeChallenge)))
        {
            return EntraError.CodeVerifierMismatch();
        }

        app = request.App;
        return null;
    }

    /// <summary>BASE64URL(SHA256(ASCII(code_verifier))), RFC 7636 section 4.2.</summary>
    public static string S256(string codeVerifier) =>
        System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(codeVerifier)));
}
