using System;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using Xunit;

namespace MdeSiem.Tests.Core;

public class ServiceEndpointsTests
{
    [Theory]
    [InlineData(SiemRegion.EU, "https://wdatp-alertexporter-eu.windows.com/api/alerts")]
    [InlineData(SiemRegion.US, "https://wdatp-alertexporter-us.windows.com/api/alerts")]
    [InlineData(SiemRegion.UK, "https://wdatp-alertexporter-uk.windows.com/api/alerts")]
    public void Global_regions_use_the_documented_hosts(SiemRegion region, string expected)
    {
        Assert.Equal(expected, ServiceEndpoints.ForCloud(CloudEnvironment.Global).GetSiemAlertsUri(region).AbsoluteUri);
    }

    [Theory]
    [InlineData(CloudEnvironment.USGov, "https://wdatp-alertexporter-us.gcc.securitycenter.windows.us/api/alerts", "https://login.microsoftonline.com/")]
    [InlineData(CloudEnvironment.USGovHigh, "https://wdatp-alertexporter-us.securitycenter.windows.us/api/alerts", "https://login.microsoftonline.us/")]
    [InlineData(CloudEnvironment.USGovDoD, "https://wdatp-alertexporter-us.securitycenter.windows.us/api/alerts", "https://login.microsoftonline.us/")]
    public void US_government_clouds_use_their_own_hosts(CloudEnvironment environment, string siem, string authority)
    {
        var endpoints = ServiceEndpoints.ForCloud(environment);
        Assert.Equal(siem, endpoints.GetSiemAlertsUri(SiemRegion.EU).AbsoluteUri);
        Assert.Equal(authority, endpoints.AuthorityHost.AbsoluteUri);
    }

    // Microsoft Graph national cloud deployments (learn.microsoft.com/graph/deployments): "If you're working in a
    // Microsoft 365 GCC environment, continue using the worldwide endpoints: https://portal.azure.com and
    // https://graph.microsoft.com"; GCC High uses login.microsoftonline.us and graph.microsoft.us; DoD uses
    // login.microsoftonline.us and dod-graph.microsoft.us. Defender for Endpoint for US Government customers
    // (learn.microsoft.com/defender-endpoint/gov, "API"): sign-in for GCC is login.microsoftonline.com, for GCC High
    // and DoD login.microsoftonline.us.
    [Theory]
    [InlineData(CloudEnvironment.Global, "https://login.microsoftonline.com/", "https://graph.microsoft.com")]
    [InlineData(CloudEnvironment.USGov, "https://login.microsoftonline.com/", "https://graph.microsoft.com")]
    [InlineData(CloudEnvironment.USGovHigh, "https://login.microsoftonline.us/", "https://graph.microsoft.us")]
    [InlineData(CloudEnvironment.USGovDoD, "https://login.microsoftonline.us/", "https://dod-graph.microsoft.us")]
    public void Graph_and_sign_in_hosts_are_the_documented_ones_per_cloud(CloudEnvironment environment, string authority, string graph)
    {
        var endpoints = ServiceEndpoints.ForCloud(environment);
        Assert.Equal(authority, endpoints.AuthorityHost.AbsoluteUri);
        Assert.Equal(graph, endpoints.GraphAudience);
        Assert.Equal(graph + "/v1.0/security/incidents", endpoints.GetGraphUri("security/incidents").AbsoluteUri);
    }

    [Fact]
    public void The_SIEM_API_in_China_is_a_clear_argument_error()
    {
        var failure = Assert.Throws<MdeSiemException>(() => ServiceEndpoints.ForCloud(CloudEnvironment.China).GetSiemAlertsUri(SiemRegion.US));
        Assert.Equal(ErrorCode.InvalidArgument, failure.Code);
        Assert.Contains("Get-DefenderAlert", failure.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_base_serves_every_service()
    {
        var endpoints = ServiceEndpoints.ForCustomBase(new Uri("https://127.0.0.1:5001"));
        Assert.Equal("https://127.0.0.1:5001/api/alerts", endpoints.GetSiemAlertsUri(SiemRegion.UK).AbsoluteUri);
        Assert.Equal("https://127.0.0.1:5001/", endpoints.AuthorityHost.AbsoluteUri);
        Assert.True(endpoints.IsCustom);
    }

    [Fact]
    public void A_custom_base_must_be_https()
    {
        var failure = Assert.Throws<MdeSiemException>(() => ServiceEndpoints.ForCustomBase(new Uri("http://127.0.0.1:5001/")));
        Assert.Equal(ErrorCode.InvalidArgument, failure.Code);
    }

    // Defender for Endpoint "List alerts API" (geographic hosts), "for US Government customers" (API URIs), and the
    // Defender XDR "supported APIs" page (tokens for https://api.security.microsoft.com).
    [Theory]
    [InlineData(DefenderApiRegion.Default, "https://api.security.microsoft.com/api/alerts")]
    [InlineData(DefenderApiRegion.US, "https://us.api.security.microsoft.com/api/alerts")]
    [InlineData(DefenderApiRegion.EU, "https://eu.api.security.microsoft.com/api/alerts")]
    [InlineData(DefenderApiRegion.UK, "https://uk.api.security.microsoft.com/api/alerts")]
    [InlineData(DefenderApiRegion.AU, "https://au.api.security.microsoft.com/api/alerts")]
    [InlineData(DefenderApiRegion.SWA, "https://swa.api.security.microsoft.com/api/alerts")]
    [InlineData(DefenderApiRegion.INA, "https://ina.api.security.microsoft.com/api/alerts")]
    public void The_commercial_Defender_API_has_a_host_per_geography(DefenderApiRegion region, string expected)
    {
        var endpoints = ServiceEndpoints.ForCloud(CloudEnvironment.Global);

        Assert.Equal(expected, endpoints.GetDefenderApiUri("api/alerts", region).AbsoluteUri);
        Assert.Equal("https://api.securitycenter.microsoft.com", endpoints.MdeAudience);
        Assert.Equal("https://api.security.microsoft.com", endpoints.XdrAudience);
    }

    [Theory]
    [InlineData(CloudEnvironment.USGov, "https://api-gcc.securitycenter.microsoft.us")]
    [InlineData(CloudEnvironment.USGovHigh, "https://api-gov.securitycenter.microsoft.us")]
    [InlineData(CloudEnvironment.USGovDoD, "https://api-gov.securitycenter.microsoft.us")]
    public void US_government_clouds_serve_the_Defender_API_from_their_own_host(CloudEnvironment environment, string host)
    {
        var endpoints = ServiceEndpoints.ForCloud(environment);

        Assert.Equal(host + "/api/incidents", endpoints.GetDefenderApiUri("api/incidents", DefenderApiRegion.EU).AbsoluteUri);
        Assert.Equal(host, endpoints.MdeAudience);
        Assert.Equal(host, endpoints.XdrAudience);
    }

    [Fact]
    public void China_has_no_Defender_API()
    {
        var endpoints = ServiceEndpoints.ForCloud(CloudEnvironment.China);

        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<MdeSiemException>(() => endpoints.GetDefenderApiUri("api/alerts")).Code);
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<MdeSiemException>(() => endpoints.MdeAudience).Code);
    }

    [Fact]
    public void A_custom_base_serves_the_Defender_API_under_its_own_prefix_beside_the_SIEM_API()
    {
        var endpoints = ServiceEndpoints.ForCustomBase(new Uri("https://127.0.0.1:5001"));

        Assert.Equal("https://127.0.0.1:5001/mde/api/alerts", endpoints.GetDefenderApiUri("api/alerts", DefenderApiRegion.UK).AbsoluteUri);
        Assert.Equal("https://127.0.0.1:5001/mde/api/incidents", endpoints.GetDefenderApiUri("/api/incidents").AbsoluteUri);
        Assert.Equal("https://127.0.0.1:5001/api/alerts", endpoints.GetSiemAlertsUri(SiemRegion.US).AbsoluteUri);
        Assert.Equal("https://api.securitycenter.microsoft.com", endpoints.MdeAudience);
        Assert.Equal("https://api.security.microsoft.com", endpoints.XdrAudience);
    }
}
