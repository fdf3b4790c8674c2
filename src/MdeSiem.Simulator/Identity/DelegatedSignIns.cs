using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace MdeSiem.Simulator.Identity;

/// <summary>
/// The state of delegated sign-ins: device codes waiting for a user, and the refresh tokens handed to signed-in
/// clients. There is one user, the tenant's security administrator; tests approve codes on the user's behalf.
/// </summary>
internal sealed class DelegatedSignIns
{
    public const string UserName = "secadmin@contoso.onmicrosoft.com";

    /// <summary>The delegated permission the SIEM API's tokens carry for a user.</summary>
    public const string DelegatedScope = "Alert.Read";

    private static readonly TimeSpan DeviceCodeLifetime = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, DeviceAuthorization> byDeviceCode = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RegisteredApp> refreshTokens = new(StringComparer.Ordinal);
    private readonly TimeProvider clock;
    private readonly IssuedSecrets issued;

    public DelegatedSignIns(TimeProvider clock, IssuedSecrets issued)
    {
        this.clock = clock;
        this.issued = issued;
    }

    public string UserObjectId { get; } = Guid.NewGuid().ToString();

    public DeviceAuthorization Begin(RegisteredApp app, string scope)
    {
        // Entra's user codes are 9 letters and digits; the device code is long and opaque.
        var authorization = new DeviceAuthorization(
            RandomNumberGenerator.GetHexString(64),
            RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 9),
            app,
            scope,
            clock.GetUtcNow() + DeviceCodeLifetime);
        byDeviceCode[authorization.DeviceCode] = authorization;
        issued.Add(authorization.DeviceCode);
        return authorization;
    }

    /// <summary>The user codes shown to users and not yet approved, oldest first is not guaranteed.</summary>
    public IReadOnlyList<string> PendingUserCodes =>
        byDeviceCode.Values.Where(authorization => !authorization.Approved).Select(authorization => authorization.UserCode).ToList();

    /// <summary>The user enters <paramref name="userCode"/> and consents; false if no such code is waiting.</summary>
    public bool Approve(string userCode)
    {
        DeviceAuthorization? match = byDeviceCode.Values.FirstOrDefault(
            authorization => string.Equals(authorization.UserCode, userCode, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            return false;
        }

        match.Approved = true;
        return true;
    }

    /// <summary>Redeems an approved device code once; the error says why not otherwise.</summary>
    public EntraError? Redeem(string deviceCode, string clientId, out RegisteredApp? app)
    {
        app = null;
        if (!byDeviceCode.TryGetValue(deviceCode, out DeviceAuthorization? authorization)
            || !string.Equals(authorization.App.ClientId, clientId, StringComparison.OrdinalIgnoreCase))
        {
            return EntraError.InvalidGrant("device code");
        }

        if (clock.GetUtcNow() >= authorization.ExpiresOn)
        {
            byDeviceCode.TryRemove(deviceCode, out _);
            return EntraError.DeviceCodeExpired();
        }

        if (!authorization.Approved)
        {
            return EntraError.AuthorizationPending();
        }

        byDeviceCode.TryRemove(deviceCode, out _);
        app = authorization.App;
        return null;
    }

    public string NewRefreshToken(RegisteredApp app)
    {
        string token = "0.A" + RandomNumberGenerator.GetHexString(96);
        refreshTokens[token] = app;
        issued.Add(token);
        return token;
    }

    public EntraError? RedeemRefreshToken(string refreshToken, string clientId, out RegisteredApp? app)
    {
        if (refreshTokens.TryGetValue(refreshToken, out app) && string.Equals(app.ClientId, clientId, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        app = null;
        return EntraError.InvalidGrant("refresh token");
    }

    public TokenSubject SubjectFor(RegisteredApp app) =>
        new(app.TenantId, app.ClientId, UserObjectId, [], DelegatedScope, UserName);
}
