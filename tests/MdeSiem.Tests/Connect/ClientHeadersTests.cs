using System;
using System.Linq;
using MdeSiem.Core.Errors;
using MdeSiem.Simulator;
using MdeSiem.Tests.Cmdlets;
using Xunit;

namespace MdeSiem.Tests.Connect;

/// <summary>
/// Every request names the module (User-Agent); Graph requests carry a client-request-id, which an error record
/// quotes beside the service's request id.
/// </summary>
public sealed class ClientHeadersTests : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly SimulatedTenant _tenant;
    private readonly HostedEngine _engine = new();

    public ClientHeadersTests(SimulatorFixture fixture)
    {
        _tenant = fixture.Tenant;
        _engine.ConnectTo(_tenant);
    }

    public void Dispose() => _engine.Dispose();

    private static string ModuleVersion =>
        typeof(MdeSiemException).Assembly.GetName().Version!.ToString(3);

    [Fact]
    public void Siem_and_Graph_requests_send_a_User_Agent_naming_the_module_and_PowerShell()
    {
        _tenant.ClearRequests();
        var result = _engine.Run("Get-MdeSiemAlert -Limit 1 -WarningAction SilentlyContinue; Get-DefenderAlert -Top 1");
        Assert.Empty(result.Errors);

        var apiRequests = _tenant.Requests.Where(request => request.Path.StartsWith("/api/", StringComparison.Ordinal) || request.Path.StartsWith("/v1.0/", StringComparison.Ordinal)).ToList();
        Assert.Contains(apiRequests, request => request.Path.StartsWith("/api/", StringComparison.Ordinal));
        Assert.Contains(apiRequests, request => request.Path.StartsWith("/v1.0/", StringComparison.Ordinal));
        // The session's own $PSVersionTable, as a user would read it.
        var powerShell = "PowerShell/" + Assert.Single(_engine.Run("$PSVersionTable.PSVersion.ToString()").OutputOf<string>());
        Assert.All(apiRequests, request => Assert.Equal($"MdeSiem/{ModuleVersion} {powerShell}", request.UserAgent));
    }

    [Fact]
    public void Graph_requests_carry_a_distinct_client_request_id_and_SIEM_requests_none()
    {
        _tenant.ClearRequests();
        var result = _engine.Run("Get-DefenderAlert -Top 1; Get-DefenderAlert -Top 1; Get-MdeSiemAlert -Limit 1 -WarningAction SilentlyContinue");
        Assert.Empty(result.Errors);

        var graph = _tenant.Requests.Where(request => request.Path.StartsWith("/v1.0/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, graph.Count);
        Assert.All(graph, request => Assert.True(Guid.TryParse(request.ClientRequestId, out _), request.ClientRequestId));
        Assert.NotEqual(graph[0].ClientRequestId, graph[1].ClientRequestId);
        Assert.All(_tenant.Requests.Where(request => request.Path.StartsWith("/api/", StringComparison.Ordinal)), request => Assert.Equal(string.Empty, request.ClientRequestId));
    }

    [Fact]
    public void A_Graph_error_record_quotes_the_client_request_id_beside_the_request_id()
    {
        _tenant.ClearRequests();
        var result = _engine.Run("Get-DefenderAlert -Id 'da000000000000000000_1'");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("MdeSiem.NotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        var sent = Assert.Single(_tenant.Requests, request => request.Path.StartsWith("/v1.0/", StringComparison.Ordinal));
        var exception = Assert.IsType<MdeSiemException>(error.Exception);
        Assert.Equal(sent.RequestId, exception.RequestId);
        Assert.Equal(sent.ClientRequestId, exception.ClientRequestId);
        Assert.Contains($"request id: {sent.RequestId}", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains($"client-request-id: {sent.ClientRequestId}", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
    }
}
