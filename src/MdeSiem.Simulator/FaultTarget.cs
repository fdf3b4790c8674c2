namespace MdeSiem.Simulator;

/// <summary>Which endpoint a <see cref="SimulatedFault"/> applies to.</summary>
public enum FaultTarget
{
    /// <summary>GET /api/alerts.</summary>
    SiemApi,

    /// <summary>The v1 and v2 token endpoints.</summary>
    TokenEndpoint,

    /// <summary>Microsoft Graph's security API (/v1.0/security/...).</summary>
    GraphApi,

    /// <summary>The Defender for Endpoint alerts and Defender XDR incidents APIs (/mde/api/...).</summary>
    DefenderApi,
}
