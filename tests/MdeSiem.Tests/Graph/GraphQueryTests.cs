using System;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Graph;
using MdeSiem.Core.OData;
using Xunit;

namespace MdeSiem.Tests.Graph;

public sealed class GraphQueryTests
{
    [Fact]
    public void Friendly_parameters_build_the_filter_the_service_evaluates()
    {
        var query = new GraphAlertQuery
        {
            Filter = "assignedTo eq 'x' or assignedTo eq 'y'",
            CreatedAfter = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            CreatedBefore = new DateTime(2024, 1, 3, 0, 0, 0, DateTimeKind.Utc),
            UpdatedAfter = new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc),
        };
        query.Severities.AddRange(new[] { AlertSeverity.High, AlertSeverity.Medium });
        query.Statuses.Add(AlertStatus.InProgress);
        query.ServiceSources.Add(ServiceSource.MicrosoftDefenderForEndpoint);
        query.Classifications.Add(AlertClassification.TruePositive);
        query.DetectionSources.Add(DetectionSource.Antivirus);

        Assert.Equal(
            "(assignedTo eq 'x' or assignedTo eq 'y') and (severity eq 'high' or severity eq 'medium') and status eq 'inProgress'"
            + " and serviceSource eq 'microsoftDefenderForEndpoint' and classification eq 'truePositive'"
            + " and createdDateTime ge 2024-01-02T03:04:05.0000000Z and createdDateTime lt 2024-01-03T00:00:00.0000000Z"
            + " and lastUpdateDateTime ge 2024-01-02T00:00:00.0000000Z",
            query.BuildFilter());
    }

    [Fact]
    public void DetectionSource_is_filtered_on_the_client()
    {
        var query = new GraphAlertQuery();
        query.DetectionSources.Add(DetectionSource.SmartScreen);

        Assert.Null(query.BuildFilter());
        Assert.True(query.MatchesClientSide(new DefenderAlert { DetectionSourceValue = "smartScreen" }));
        Assert.False(query.MatchesClientSide(new DefenderAlert { DetectionSourceValue = "antivirus" }));
    }

    [Fact]
    public void A_quote_in_a_value_is_doubled() =>
        Assert.Equal("assignedTo eq 'o''brien'", ODataFilterText.AnyOf("assignedTo", new[] { "o'brien" }));

    [Theory]
    [InlineData(0)]
    [InlineData(2001)]
    public void Top_outside_the_service_range_is_refused(int top)
    {
        var failure = Assert.Throws<MdeSiemException>(() => new GraphAlertQuery { Top = top }.Validate());
        Assert.Equal(ErrorCode.InvalidArgument, failure.Code);
    }

    [Theory]
    [InlineData(CloudEnvironment.Global, "https://graph.microsoft.com/v1.0/security/alerts_v2", "https://graph.microsoft.com")]
    // GCC keeps the worldwide Graph (learn.microsoft.com/graph/deployments: "If you're working in a Microsoft 365 GCC
    // environment, continue using the worldwide endpoints"); GCC High is US Government L4, DoD is L5.
    [InlineData(CloudEnvironment.USGov, "https://graph.microsoft.com/v1.0/security/alerts_v2", "https://graph.microsoft.com")]
    [InlineData(CloudEnvironment.USGovHigh, "https://graph.microsoft.us/v1.0/security/alerts_v2", "https://graph.microsoft.us")]
    [InlineData(CloudEnvironment.USGovDoD, "https://dod-graph.microsoft.us/v1.0/security/alerts_v2", "https://dod-graph.microsoft.us")]
    public void Graph_host_and_audience_follow_the_cloud(CloudEnvironment environment, string expectedUri, string expectedAudience)
    {
        var endpoints = ServiceEndpoints.ForCloud(environment);

        Assert.Equal(expectedUri, endpoints.GetGraphUri("security/alerts_v2").AbsoluteUri);
        Assert.Equal(expectedAudience, endpoints.GraphAudience);
    }

    [Fact]
    public void The_China_cloud_has_no_security_API()
    {
        var failure = Assert.Throws<MdeSiemException>(() => ServiceEndpoints.ForCloud(CloudEnvironment.China).GetGraphUri("security/alerts_v2"));
        Assert.Equal(ErrorCode.InvalidArgument, failure.Code);
    }

    [Fact]
    public void A_custom_base_serves_Graph_under_v1_0()
    {
        var endpoints = ServiceEndpoints.ForCustomBase(new Uri("https://127.0.0.1:5001/"));

        Assert.Equal("https://127.0.0.1:5001/v1.0/security/incidents", endpoints.GetGraphUri("security/incidents").AbsoluteUri);
        Assert.Equal("https://graph.microsoft.com", endpoints.GraphAudience);
    }

    [Fact]
    public void The_update_body_holds_only_what_changes()
    {
        var update = new GraphAlertUpdate { Status = AlertStatus.Resolved, Determination = AlertDetermination.MultiStagedAttack, AssignedTo = "" };

        Assert.Equal("{\"status\":\"resolved\",\"determination\":\"multiStagedAttack\",\"assignedTo\":\"\"}", update.ToPatchJson());
    }
}
