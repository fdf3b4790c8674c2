namespace MdeSiem.Core.Graph;

/// <summary>The Microsoft service that raised an alert (microsoft.graph.security.serviceSource, members in the v1.0 metadata's order). Values the module does not know map to UnknownFutureValue; the raw text is kept beside it.</summary>
public enum ServiceSource
{
    Unknown,
    MicrosoftDefenderForEndpoint,
    MicrosoftDefenderForIdentity,
    MicrosoftDefenderForCloudApps,
    MicrosoftDefenderForOffice365,
    Microsoft365Defender,
    AzureAdIdentityProtection,
    MicrosoftAppGovernance,
    DataLossPrevention,
    UnknownFutureValue,
    MicrosoftDefenderForCloud,
    MicrosoftSentinel,
    MicrosoftInsiderRiskManagement,
    MicrosoftThreatIntelligence,
    MicrosoftSecurityForAI,
}
