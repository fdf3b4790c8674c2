using System;

namespace MdeSiem.Simulator.Identity;

/// <summary>
/// One browser sign-in in progress (authorization code with PKCE, RFC 7636): what the client asked for, kept from
/// the authorize request until the user decides, then until the code is redeemed.
/// </summary>
internal sealed record AuthorizationRequest(
    string Id,
    RegisteredApp App,
    string RedirectUri,
    string Scope,
    string CodeChallenge,
    string State,
    DateTimeOffset ExpiresOn);
