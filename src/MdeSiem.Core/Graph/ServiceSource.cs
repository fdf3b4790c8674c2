namespace MdeSiem.Core.Graph;

/// <summary>The Microsoft service that raised an alert. Values the module does not know map to UnknownFutureValue; the raw text is kept beside it.</summary>
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
}
