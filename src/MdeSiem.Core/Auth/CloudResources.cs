using System;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Auth;

/// <summary>
/// The token audiences (and API roots) of the services a connection can call, per cloud, as Microsoft documents
/// them: Defender for Endpoint's API (GCC api-gcc.securitycenter.microsoft.us, GCC High and DoD
/// api-gov.securitycenter.microsoft.us; not offered by 21Vianet in China) and Microsoft Graph (graph.microsoft.us
/// for GCC High, dod-graph.microsoft.us for DoD, microsoftgraph.chinacloudapi.cn in China). The SIEM API's
/// audience is https://graph.windows.net everywhere it exists (see <see cref="ServiceEndpoints"/>).
/// </summary>
public static class CloudResources
{
    /// <summary>The Defender for Endpoint API resource of a cloud; a clear error where the service does not exist.</summary>
    public static string DefenderForEndpointApi(CloudEnvironment environment) => environment switch
    {
        CloudEnvironment.Global => "https://api.securitycenter.microsoft.com",
        CloudEnvironment.USGov => "https://api-gcc.securitycenter.microsoft.us",
        CloudEnvironment.USGovHigh or CloudEnvironment.USGovDoD => "https://api-gov.securitycenter.microsoft.us",
        CloudEnvironment.China => throw new MdeSiemException(
            ErrorCode.InvalidArgument,
            "Microsoft Defender for Endpoint's API is not offered in the China (21Vianet) cloud.")
        {
            RecommendedAction = "Connect with -Environment Global, USGov, USGovHigh or USGovDoD.",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(environment)),
    };

    /// <summary>The Microsoft Graph resource of a cloud (GCC uses the commercial Graph).</summary>
    public static string MicrosoftGraph(CloudEnvironment environment) => environment switch
    {
        CloudEnvironment.Global or CloudEnvironment.USGov => "https://graph.microsoft.com",
        CloudEnvironment.USGovHigh => "https://graph.microsoft.us",
        CloudEnvironment.USGovDoD => "https://dod-graph.microsoft.us",
        CloudEnvironment.China => "https://microsoftgraph.chinacloudapi.cn",
        _ => throw new ArgumentOutOfRangeException(nameof(environment)),
    };
}
