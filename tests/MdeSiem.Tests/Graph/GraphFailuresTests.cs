using System;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Paging;
using Xunit;

namespace MdeSiem.Tests.Graph;

public class GraphFailuresTests
{
    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0/security/incidents?$top=50&$expand=alerts", "https://graph.microsoft.com/v1.0/security/incidents?$top=50")]
    [InlineData("https://graph.microsoft.com/v1.0/security/incidents?$expand=alerts&$top=50", "https://graph.microsoft.com/v1.0/security/incidents?$top=50")]
    [InlineData("https://graph.microsoft.com/v1.0/security/incidents?%24expand=alerts", "https://graph.microsoft.com/v1.0/security/incidents")]
    [InlineData("https://graph.microsoft.com/v1.0/security/incidents?$top=5&%24expand=alerts&$skiptoken=50", "https://graph.microsoft.com/v1.0/security/incidents?$top=5&$skiptoken=50")]
    public void Dropping_expand_keeps_every_other_option(string before, string after) =>
        Assert.Equal(after, PagingFailures.WithoutExpand(new Uri(before)).AbsoluteUri);

    [Theory]
    [InlineData(ErrorCode.ServiceError, false, true)]
    [InlineData(ErrorCode.Timeout, false, true)]
    [InlineData(ErrorCode.IncompleteResponse, false, true)]
    [InlineData(ErrorCode.InvalidResponse, false, true)]
    [InlineData(ErrorCode.BadRequest, false, false)]
    [InlineData(ErrorCode.BadRequest, true, true)]
    [InlineData(ErrorCode.Throttled, true, false)]
    [InlineData(ErrorCode.Unauthorized, true, false)]
    [InlineData(ErrorCode.PermissionDenied, true, false)]
    public void Only_failures_another_request_may_avoid_are_worked_around(ErrorCode code, bool acceptedBefore, bool expected) =>
        Assert.Equal(expected, PagingFailures.CanWorkAround(new MdeSiemException(code, "x"), acceptedBefore));
}
