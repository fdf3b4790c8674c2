using System;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Mde;
using MdeSiem.Core.Paging;
using Xunit;

namespace MdeSiem.Tests.Graph;

/// <summary>The incident list query on the shared query base: its filter text, how -All pages, what it refuses.</summary>
public sealed class GraphIncidentQueryTests
{
    private static readonly DateTime Since = new(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public void Friendly_parameters_build_the_filter_in_the_order_checkpoint_files_record()
    {
        var query = new GraphIncidentQuery { Filter = "assignedTo eq 'x'", CreatedAfter = Since, UpdatedAfter = Since };
        query.Severities.Add(AlertSeverity.High);
        query.Statuses.Add(IncidentStatus.Active);
        query.Classifications.Add(AlertClassification.TruePositive);

        Assert.Equal(
            "(assignedTo eq 'x') and severity eq 'high' and status eq 'active' and classification eq 'truePositive'"
            + " and createdDateTime ge 2024-01-02T03:04:05.0000000Z and lastUpdateDateTime ge 2024-01-02T03:04:05.0000000Z",
            query.BuildFilter());
    }

    [Fact]
    public void All_without_OrderBy_pages_by_createdDateTime()
    {
        var pull = new GraphIncidentQuery { All = true, Top = 7 }.Pull<DefenderIncident>(null, incident => incident.CreatedDateTime, incident => incident.LastUpdateDateTime, null);

        Assert.Equal(PagingStrategy.TimeWindow, pull.Paging);
        Assert.Equal("createdDateTime", pull.Window!.Property);
        Assert.Equal(Since, pull.Window.TimeOf(new DefenderIncident { CreatedDateTime = Since, LastUpdateDateTime = Since.AddDays(1) }));
        Assert.Null(pull.OrderBy);
        Assert.Equal(7, pull.Top);
    }

    [Fact]
    public void All_bounded_only_by_UpdatedAfter_pages_by_lastUpdateDateTime()
    {
        var pull = new GraphIncidentQuery { All = true, UpdatedAfter = Since }.Pull<DefenderIncident>(null, incident => incident.CreatedDateTime, incident => incident.LastUpdateDateTime, null);

        Assert.Equal("lastUpdateDateTime", pull.Window!.Property);
        Assert.Equal(GraphIncidentQuery.MaximumTop, pull.Top);
    }

    [Fact]
    public void All_with_OrderBy_follows_next_links()
    {
        var pull = new GraphIncidentQuery { All = true, OrderBy = "createdDateTime desc" }.Pull<DefenderIncident>(null, incident => incident.CreatedDateTime, incident => incident.LastUpdateDateTime, null);

        Assert.Equal(PagingStrategy.NextLink, pull.Paging);
        Assert.Equal("createdDateTime desc", pull.OrderBy);
        Assert.Null(pull.Window);
    }

    [Fact]
    public void CreatedBefore_not_later_than_CreatedAfter_is_refused()
    {
        var failure = Assert.Throws<MdeSiemException>(() => new GraphIncidentQuery { CreatedAfter = Since, CreatedBefore = Since }.Validate());
        Assert.Equal(ErrorCode.InvalidArgument, failure.Code);
    }

    [Fact]
    public void An_XDR_incident_query_refuses_UpdatedBefore_not_later_than_UpdatedAfter()
    {
        var failure = Assert.Throws<MdeSiemException>(() => new MdeIncidentQuery { UpdatedAfter = Since, UpdatedBefore = Since.AddSeconds(-1) }.Validate());
        Assert.Equal(ErrorCode.InvalidArgument, failure.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void Top_outside_the_incident_range_is_refused(int top)
    {
        var failure = Assert.Throws<MdeSiemException>(() => new GraphIncidentQuery { Top = top }.Validate());
        Assert.Equal(ErrorCode.InvalidArgument, failure.Code);
    }
}
