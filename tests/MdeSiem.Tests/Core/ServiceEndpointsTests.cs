using System;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using Xunit;

namespace MdeSiem.Tests.Core;

/// <summary>The errors and the custom base; every documented host is pinned in <see cref="ServiceEndpointTableTests"/>.</summary>
public class ServiceEndpointsTests
{
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

    [Fact]
    public void China_has_no_Defender_API()
    {
        var endpoints = ServiceEndpoints.ForCloud(CloudEnvironment.China);

        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<MdeSiemException>(() => endpoints.GetDefenderApiUri("api/alerts")).Code);
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<MdeSiemException>(() => endpoints.MdeAudience).Code);
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<MdeSiemException>(() => endpoints.GetXdrApiUri("api/incidents")).Code);
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<MdeSiemException>(() => endpoints.XdrAudience).Code);
    }

    [Fact]
    public void A_custom_base_serves_the_Defender_API_under_its_own_prefix_beside_the_SIEM_API()
    {
        var endpoints = ServiceEndpoints.ForCustomBase(new Uri("https://127.0.0.1:5001"));

        Assert.Equal("https://127.0.0.1:5001/mde/api/alerts", endpoints.GetDefenderApiUri("api/alerts", DefenderApiRegion.UK).AbsoluteUri);
        Assert.Equal("https://127.0.0.1:5001/mde/api/incidents", endpoints.GetXdrApiUri("/api/incidents", DefenderApiRegion.EU).AbsoluteUri);
        Assert.Equal("https://127.0.0.1:5001/api/alerts", endpoints.GetSiemAlertsUri(SiemRegion.US).AbsoluteUri);
        Assert.Equal("https://api.securitycenter.microsoft.com", endpoints.MdeAudience);
        Assert.Equal("https://api.security.microsoft.com", endpoints.XdrAudience);
    }
}
