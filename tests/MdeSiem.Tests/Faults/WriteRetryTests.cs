using System;
using System.Linq;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Http;
using MdeSiem.Core.Mde;
using MdeSiem.Simulator;
using MdeSiem.Tests.Graph;
using MdeSiem.Tests.Mde;
using Xunit;

namespace MdeSiem.Tests.Faults;

/// <summary>
/// Retries against the simulated tenant: every Retry-After is waited in full, and a write that adds a comment is never
/// sent twice when the service may already have applied it. Expected comment counts are what the test itself wrote.
/// </summary>
public sealed class WriteRetryTests : IAsyncLifetime
{
    private SimulatedTenant _tenant = null!;
    private MdeSiemConnection _connection = null!;
    private string[] _ids = null!;

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 60, Seed = 53 });
        // Long enough a cap that Graph's 2.128 s is waited, short base delay so other retries are quick.
        _connection = await GraphTenantConnection.ConnectAsync(
            _tenant,
            retry: new RetrySettings { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(10) });
        _ids = MdeExpectations.AlertsOf(_tenant.Batches).Select(alert => alert.Id).ToArray();
    }

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _tenant.DisposeAsync();
    }

    private RecordedRequest[] Requests(string method, string pathEnd) =>
        _tenant.Requests.Where(request => request.Method == method && request.Path.EndsWith(pathEnd, StringComparison.Ordinal)).ToArray();

    [Fact]
    public async Task A_fractional_Retry_After_from_Graph_is_waited_in_full()
    {
        // Microsoft Graph's throttling page (https://learn.microsoft.com/graph/throttling#sample-response) answers
        // 429 with "Retry-After: 2.128", which the typed header parser cannot read.
        var id = _ids[0];
        _tenant.EnqueueFault(new SimulatedFault { Target = FaultTarget.GraphApi, StatusCode = 429, RetryAfter = "2.128", RequestContains = id });

        var alert = await new GraphAlertClient(_connection).GetAlertAsync(id);

        Assert.Equal(id, alert.Id);
        var sent = Requests("GET", "/" + id);
        Assert.Equal(new[] { 429, 200 }, sent.Select(request => request.StatusCode));
        Assert.True(sent[1].ReceivedUtc - sent[0].ReceivedUtc >= TimeSpan.FromSeconds(2.128), $"retried after {(sent[1].ReceivedUtc - sent[0].ReceivedUtc).TotalSeconds:0.000} s");
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_cap_is_not_cut_short_but_reported()
    {
        var id = _ids[1];
        _tenant.EnqueueFault(new SimulatedFault { Target = FaultTarget.GraphApi, StatusCode = 429, RetryAfter = "30.5", RequestContains = id });

        var failure = await Assert.ThrowsAsync<MdeSiemException>(() => new GraphAlertClient(_connection).GetAlertAsync(id));

        Assert.Equal(ErrorCode.Throttled, failure.Code);
        Assert.Single(Requests("GET", "/" + id));
    }

    [Fact]
    public async Task A_Graph_comment_applied_and_then_answered_500_is_not_posted_again()
    {
        var id = _ids[2];
        _tenant.EnqueueFault(new SimulatedFault { Target = FaultTarget.GraphApi, StatusCode = 500, AfterHandling = true, RequestContains = "/comments" });
        var client = new GraphAlertClient(_connection);

        await Assert.ThrowsAsync<MdeSiemException>(() => client.UpdateAlertAsync(id, new GraphAlertUpdate { Comment = "contained" }));

        Assert.Single(Requests("POST", "/comments"));
        Assert.Equal(new[] { "contained" }, (await client.GetAlertAsync(id)).Comments.Select(comment => comment.Comment));
    }

    [Theory]
    [InlineData(429, "1")]
    [InlineData(503, "0.25")]
    public async Task A_Graph_comment_refused_before_it_was_applied_is_posted_again(int status, string retryAfter)
    {
        var id = _ids[3 + (status % 2)];
        _tenant.EnqueueFault(new SimulatedFault { Target = FaultTarget.GraphApi, StatusCode = status, RetryAfter = retryAfter, RequestContains = "/comments" });
        var client = new GraphAlertClient(_connection);

        await client.UpdateAlertAsync(id, new GraphAlertUpdate { Comment = "retried" });

        Assert.Equal(new[] { status, 200 }, Requests("POST", id + "/comments").Select(request => request.StatusCode));
        Assert.Equal(new[] { "retried" }, (await client.GetAlertAsync(id)).Comments.Select(comment => comment.Comment));
    }

    [Fact]
    public async Task A_Defender_PATCH_with_a_comment_applied_and_then_answered_500_is_not_sent_again()
    {
        var id = _ids[5];
        _tenant.EnqueueFault(new SimulatedFault { Target = FaultTarget.DefenderApi, StatusCode = 500, AfterHandling = true, RequestContains = "/api/alerts/" + id });
        var client = new MdeAlertClient(_connection);

        await Assert.ThrowsAsync<MdeSiemException>(() => client.UpdateAlertAsync(id, new MdeAlertUpdate { Status = MdeAlertStatus.InProgress, Comment = "looking" }));

        Assert.Single(Requests("PATCH", "/" + id));
        Assert.Equal(new[] { "looking" }, (await client.GetAlertAsync(id)).Comments.Select(comment => comment.Comment));
    }

    [Fact]
    public async Task A_Defender_PATCH_that_only_sets_values_is_sent_again_after_a_500()
    {
        var id = _ids[6];
        _tenant.EnqueueFault(new SimulatedFault { Target = FaultTarget.DefenderApi, StatusCode = 500, AfterHandling = true, RequestContains = "/api/alerts/" + id });
        var client = new MdeAlertClient(_connection);

        var updated = await client.UpdateAlertAsync(id, new MdeAlertUpdate { Status = MdeAlertStatus.Resolved });

        Assert.Equal(MdeAlertStatus.Resolved, updated.Status);
        Assert.Equal(new[] { 500, 200 }, Requests("PATCH", "/" + id).Select(request => request.StatusCode));
        Assert.Empty(updated.Comments);
    }
}
