using System;
using MdeSiem.Core.Auth;
using Xunit;

namespace MdeSiem.Tests.Core;

/// <summary>
/// Every (API, cloud, region) the module can call, pinned to the host, token audience and sign-in authority that
/// Microsoft's pages give, written here from the pages, not from the code:
/// - SIEM API, commercial: the "Pull detections using the SIEM REST API" request syntax (wdatp-alertexporter-eu/-us/-uk
///   .windows.com), token resource https://graph.windows.net.
/// - SIEM API and Defender for Endpoint API, US Government: "Microsoft Defender for Endpoint for US Government
///   customers", section API (https://learn.microsoft.com/defender-endpoint/gov#api): sign in login.microsoftonline.com
///   (GCC) or login.microsoftonline.us (GCC High and DoD); API api-gcc.securitycenter.microsoft.us or
///   api-gov.securitycenter.microsoft.us; SIEM wdatp-alertexporter-us.gcc.securitycenter.windows.us or
///   wdatp-alertexporter-us.securitycenter.windows.us.
/// - Defender for Endpoint API, commercial: "Supported Microsoft Defender for Endpoint APIs"
///   (https://learn.microsoft.com/defender-endpoint/api/exposed-apis-list): api.security.microsoft.com and the geographic
///   us., eu., uk., au., swa., ina.api.security.microsoft.com; token resource https://api.securitycenter.microsoft.com.
/// - Defender XDR API (incidents), commercial: "Supported Microsoft Defender XDR APIs"
///   (https://learn.microsoft.com/defender-xdr/api-supported): api.security.microsoft.com, api-us., api-eu.,
///   api-uk.security.microsoft.com, tokens for https://api.security.microsoft.com.
/// - Defender XDR API, US Government: "Microsoft Defender XDR for US Government customers"
///   (https://learn.microsoft.com/defender-xdr/usgov#api): api-gcc.security.microsoft.us (GCC),
///   api-gov.security.microsoft.us (GCC High and DoD).
/// - Microsoft Graph: "Microsoft Graph national cloud deployments" (https://learn.microsoft.com/graph/deployments).
/// </summary>
public sealed class ServiceEndpointTableTests
{
    private const string Commercial = "https://login.microsoftonline.com/";
    private const string Government = "https://login.microsoftonline.us/";

    [Theory]
    // SIEM API
    [InlineData("Siem", CloudEnvironment.Global, "US", "https://wdatp-alertexporter-us.windows.com/api/alerts", "https://graph.windows.net", Commercial)]
    [InlineData("Siem", CloudEnvironment.Global, "EU", "https://wdatp-alertexporter-eu.windows.com/api/alerts", "https://graph.windows.net", Commercial)]
    [InlineData("Siem", CloudEnvironment.Global, "UK", "https://wdatp-alertexporter-uk.windows.com/api/alerts", "https://graph.windows.net", Commercial)]
    [InlineData("Siem", CloudEnvironment.USGov, "EU", "https://wdatp-alertexporter-us.gcc.securitycenter.windows.us/api/alerts", "https://graph.windows.net", Commercial)]
    [InlineData("Siem", CloudEnvironment.USGovHigh, "US", "https://wdatp-alertexporter-us.securitycenter.windows.us/api/alerts", "https://graph.windows.net", Government)]
    [InlineData("Siem", CloudEnvironment.USGovDoD, "UK", "https://wdatp-alertexporter-us.securitycenter.windows.us/api/alerts", "https://graph.windows.net", Government)]
    // Defender for Endpoint API (alerts)
    [InlineData("Endpoint", CloudEnvironment.Global, "Default", "https://api.security.microsoft.com/api/alerts", "https://api.securitycenter.microsoft.com", Commercial)]
    [InlineData("Endpoint", CloudEnvironment.Global, "US", "https://us.api.security.microsoft.com/api/alerts", "https://api.securitycenter.microsoft.com", Commercial)]
    [InlineData("Endpoint", CloudEnvironment.Global, "EU", "https://eu.api.security.microsoft.com/api/alerts", "https://api.securitycenter.microsoft.com", Commercial)]
    [InlineData("Endpoint", CloudEnvironment.Global, "UK", "https://uk.api.security.microsoft.com/api/alerts", "https://api.securitycenter.microsoft.com", Commercial)]
    [InlineData("Endpoint", CloudEnvironment.Global, "AU", "https://au.api.security.microsoft.com/api/alerts", "https://api.securitycenter.microsoft.com", Commercial)]
    [InlineData("Endpoint", CloudEnvironment.Global, "SWA", "https://swa.api.security.microsoft.com/api/alerts", "https://api.securitycenter.microsoft.com", Commercial)]
    [InlineData("Endpoint", CloudEnvironment.Global, "INA", "https://ina.api.security.microsoft.com/api/alerts", "https://api.securitycenter.microsoft.com", Commercial)]
    [InlineData("Endpoint", CloudEnvironment.USGov, "EU", "https://api-gcc.securitycenter.microsoft.us/api/alerts", "https://api-gcc.securitycenter.microsoft.us", Commercial)]
    [InlineData("Endpoint", CloudEnvironment.USGovHigh, "Default", "https://api-gov.securitycenter.microsoft.us/api/alerts", "https://api-gov.securitycenter.microsoft.us", Government)]
    [InlineData("Endpoint", CloudEnvironment.USGovDoD, "US", "https://api-gov.securitycenter.microsoft.us/api/alerts", "https://api-gov.securitycenter.microsoft.us", Government)]
    // Defender XDR API (incidents)
    [InlineData("Xdr", CloudEnvironment.Global, "Default", "https://api.security.microsoft.com/api/incidents", "https://api.security.microsoft.com", Commercial)]
    [InlineData("Xdr", CloudEnvironment.Global, "US", "https://api-us.security.microsoft.com/api/incidents", "https://api.security.microsoft.com", Commercial)]
    [InlineData("Xdr", CloudEnvironment.Global, "EU", "https://api-eu.security.microsoft.com/api/incidents", "https://api.security.microsoft.com", Commercial)]
    [InlineData("Xdr", CloudEnvironment.Global, "UK", "https://api-uk.security.microsoft.com/api/incidents", "https://api.security.microsoft.com", Commercial)]
    [InlineData("Xdr", CloudEnvironment.Global, "AU", "https://api.security.microsoft.com/api/incidents", "https://api.security.microsoft.com", Commercial)]
    [InlineData("Xdr", CloudEnvironment.Global, "SWA", "https://api.security.microsoft.com/api/incidents", "https://api.security.microsoft.com", Commercial)]
    [InlineData("Xdr", CloudEnvironment.Global, "INA", "https://api.security.microsoft.com/api/incidents", "https://api.security.microsoft.com", Commercial)]
    [InlineData("Xdr", CloudEnvironment.USGov, "US", "https://api-gcc.security.microsoft.us/api/incidents", "https://api-gcc.security.microsoft.us", Commercial)]
    [InlineData("Xdr", CloudEnvironment.USGovHigh, "EU", "https://api-gov.security.microsoft.us/api/incidents", "https://api-gov.security.microsoft.us", Government)]
    [InlineData("Xdr", CloudEnvironment.USGovDoD, "Default", "https://api-gov.security.microsoft.us/api/incidents", "https://api-gov.security.microsoft.us", Government)]
    // Microsoft Graph (no regions)
    [InlineData("Graph", CloudEnvironment.Global, "", "https://graph.microsoft.com/v1.0/security/incidents", "https://graph.microsoft.com", Commercial)]
    [InlineData("Graph", CloudEnvironment.USGov, "", "https://graph.microsoft.com/v1.0/security/incidents", "https://graph.microsoft.com", Commercial)]
    [InlineData("Graph", CloudEnvironment.USGovHigh, "", "https://graph.microsoft.us/v1.0/security/incidents", "https://graph.microsoft.us", Government)]
    [InlineData("Graph", CloudEnvironment.USGovDoD, "", "https://dod-graph.microsoft.us/v1.0/security/incidents", "https://dod-graph.microsoft.us", Government)]
    public void Every_api_cloud_and_region_has_the_documented_host_audience_and_authority(string api, CloudEnvironment cloud, string region, string uri, string audience, string authority)
    {
        var endpoints = ServiceEndpoints.ForCloud(cloud);

        var (actualUri, actualAudience) = api switch
        {
            "Siem" => (endpoints.GetSiemAlertsUri(Enum.Parse<SiemRegion>(region)), ServiceEndpoints.SiemResource),
            "Endpoint" => (endpoints.GetDefenderApiUri("api/alerts", Enum.Parse<DefenderApiRegion>(region)), endpoints.MdeAudience),
            "Xdr" => (endpoints.GetXdrApiUri("api/incidents", Enum.Parse<DefenderApiRegion>(region)), endpoints.XdrAudience),
            _ => (endpoints.GetGraphUri("security/incidents"), endpoints.GraphAudience),
        };

        Assert.Equal(uri, actualUri.AbsoluteUri);
        Assert.Equal(audience, actualAudience);
        Assert.Equal(authority, endpoints.AuthorityHost.AbsoluteUri);
    }
}
