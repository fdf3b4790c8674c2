namespace MdeSiem.Core.Auth;

/// <summary>How a connection signs in; shown by Get-MdeSiemConnection.</summary>
public enum AuthenticationFlow
{
    /// <summary>Client credentials with a client secret (app-only).</summary>
    ClientSecret,

    /// <summary>Client credentials with a certificate: a signed client assertion (app-only).</summary>
    Certificate,

    /// <summary>A token obtained elsewhere; never refreshed.</summary>
    AccessToken,

    /// <summary>The managed identity of the Azure resource the script runs on.</summary>
    ManagedIdentity,

    /// <summary>A user signs in on another device with a code (delegated).</summary>
    DeviceCode,

    /// <summary>A user signs in in the system browser (delegated, authorization code with PKCE).</summary>
    Interactive,
}
