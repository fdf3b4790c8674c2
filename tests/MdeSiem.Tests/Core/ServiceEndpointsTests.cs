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
}
