using System;

namespace MdeSiem.Simulator.Identity;

/// <summary>One device-code sign-in in progress: what the client polls with and what the user types.</summary>
internal sealed class DeviceAuthorization
{
    public DeviceAuthorization(string deviceCode, string userCode, RegisteredApp app, string scope, DateTimeOffset expiresOn)
    {
        DeviceCode = deviceCode;
        UserCode = userCode;
        App = app;
        Scope = scope;
        ExpiresOn = expiresOn;
    }

    public string DeviceCode { get; }

    public string UserCode { get; }

    public RegisteredApp App { get; }

    /// <summary>The scope requested when the flow started, e.g. "https://graph.windows.net/.default offline_access".</summary>
    public string Scope { get; }

    public DateTimeOffset ExpiresOn { get; }

    public volatile bool Approved;
}
