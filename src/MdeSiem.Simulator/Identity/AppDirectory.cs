using System;
using System.Security.Cryptography;
using System.Text;

namespace MdeSiem.Simulator.Identity;

/// <summary>
/// The directory the token endpoints authenticate against: one tenant that has Defender for Endpoint (the SIEM API
/// serves it) and one that does not (it gets tokens, but the SIEM API answers 403, as for a tenant not managed by
/// the administrator or a deleted one).
/// </summary>
internal sealed class AppDirectory
{
    public AppDirectory(RegisteredApp managedApp, RegisteredApp unmanagedApp)
    {
        ManagedApp = managedApp;
        UnmanagedApp = unmanagedApp;
    }

    public RegisteredApp ManagedApp { get; }

    public RegisteredApp UnmanagedApp { get; }

    public bool IsKnownTenant(string tenant) => FindTenantApp(tenant) is not null;

    /// <summary>The tenant id as registered, for a tenant named in any letter case; null if unknown.</summary>
    public string? FindTenantId(string tenant) => FindTenantApp(tenant)?.TenantId;

    public bool IsManagedTenant(string tenantId) => SameId(tenantId, ManagedApp.TenantId);

    /// <summary>The app registered as <paramref name="clientId"/> in <paramref name="tenant"/>, if there is one.</summary>
    public RegisteredApp? FindApp(string tenant, string clientId)
    {
        RegisteredApp? app = FindTenantApp(tenant);
        return app is not null && SameId(app.ClientId, clientId) ? app : null;
    }

    /// <summary>Compares in constant time so response timing says nothing about how much of a guess was right.</summary>
    public static bool IsSecretValid(RegisteredApp app, string presentedSecret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(app.ClientSecret), Encoding.UTF8.GetBytes(presentedSecret));

    private RegisteredApp? FindTenantApp(string tenant)
    {
        if (SameId(tenant, ManagedApp.TenantId))
        {
            return ManagedApp;
        }

        return SameId(tenant, UnmanagedApp.TenantId) ? UnmanagedApp : null;
    }

    // Entra accepts GUIDs in any letter case.
    private static bool SameId(string left, string right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
