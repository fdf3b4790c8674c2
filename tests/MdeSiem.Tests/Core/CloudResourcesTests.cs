using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using Xunit;

namespace MdeSiem.Tests.Core;

/// <summary>The documented per-cloud hosts (Defender for Endpoint "US Government customers" page, Graph national clouds).</summary>
public class CloudResourcesTests
{
    [Theory]
    [InlineData(CloudEnvironment.Global, "https://api.securitycenter.microsoft.com", "https://graph.microsoft.com")]
    [InlineData(CloudEnvironment.USGov, "https://api-gcc.securitycenter.microsoft.us", "https://graph.microsoft.com")]
    [InlineData(CloudEnvironment.USGovHigh, "https://api-gov.securitycenter.microsoft.us", "https://graph.microsoft.us")]
    [InlineData(CloudEnvironment.USGovDoD, "https://api-gov.securitycenter.microsoft.us", "https://dod-graph.microsoft.us")]
    public void Each_cloud_has_its_documented_hosts(CloudEnvironment environment, string defender, string graph)
    {
        Assert.Equal(defender, CloudResources.DefenderForEndpointApi(environment));
        Assert.Equal(graph, CloudResources.MicrosoftGraph(environment));
    }

    [Fact]
    public void China_has_Graph_but_no_Defender_for_Endpoint_API()
    {
        Assert.Equal("https://microsoftgraph.chinacloudapi.cn", CloudResources.MicrosoftGraph(CloudEnvironment.China));
        var failure = Assert.Throws<MdeSiemException>(() => CloudResources.DefenderForEndpointApi(CloudEnvironment.China));
        Assert.Equal(ErrorCode.InvalidArgument, failure.Code);
    }
}
