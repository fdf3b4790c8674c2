using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Siem;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Cmdlets;

/// <summary>
/// The error paths of a SIEM pull: throttling, outages, refused tokens, broken bodies and cancellation. Each test
/// starts its own simulated tenant, since injected faults apply to whichever request comes next.
/// </summary>
public sealed class GetMdeSiemAlertFaultTests : IAsyncLifetime
{
    private SimulatedTenant _tenant = null!;
    private HostedEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 400, Seed = 5 });
        _engine = new HostedEngine();
        _engine.ConnectTo(_tenant, "-MaxRetryCount 2");
    }

    public async Task DisposeAsync()
    {
        _engine.Dispose();
        await _tenant.DisposeAsync();
    }

    private string SinceAll => "-SinceTimeUtc ([DateTime]::UtcNow.AddDays(-1)) -WarningAction SilentlyContinue -Verbose";

    [Fact]
    public void A_429_with_Retry_After_is_waited_out_and_the_pull_completes()
    {
        _tenant.EnqueueFault(SimulatedFault.Status(429, retryAfterSeconds: 1));

        var result = _engine.Run("Get-MdeSiemAlert " + SinceAll);

        Assert.Empty(result.Errors);
        Assert.Equal(_tenant.Generator.Count, result.OutputOf<MdeSiemAlert>().Count());
        Assert.Contains(result.Verbose, line => line.Contains("Retry 1 of 2", StringComparison.Ordinal) && line.Contains("429", StringComparison.Ordinal));
        Assert.Equal(new[] { 429, 200 }, _tenant.Requests.Where(r => r.Path.StartsWith("/api/alerts", StringComparison.Ordinal)).Select(r => r.StatusCode));
    }

    [Theory]
    [InlineData(500, "MdeSiem.ServiceError", ErrorCategory.ConnectionError)]
    [InlineData(503, "MdeSiem.ServiceError", ErrorCategory.ConnectionError)]
    [InlineData(429, "MdeSiem.Throttled", ErrorCategory.LimitsExceeded)]
    public void A_failure_that_outlasts_the_retries_is_a_clear_error(int status, string errorId, ErrorCategory category)
    {
        for (var i = 0; i < 3; i++)
        {
            _tenant.EnqueueFault(SimulatedFault.Status(status, retryAfterSeconds: 0));
        }

        var result = _engine.Run("Get-MdeSiemAlert " + SinceAll);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.Empty(result.Output);
        Assert.Equal(3, _tenant.Requests.Count(r => r.Path.StartsWith("/api/alerts", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_refused_token_is_renewed_once_and_the_pull_completes()
    {
        _tenant.EnqueueFault(SimulatedFault.Status(401));

        var result = _engine.Run("Get-MdeSiemAlert " + SinceAll);

        Assert.Empty(result.Errors);
        Assert.Equal(_tenant.Generator.Count, result.OutputOf<MdeSiemAlert>().Count());
        Assert.Contains(result.Verbose, line => line.Contains("401", StringComparison.Ordinal));
    }

    [Fact]
    public void A_token_refused_twice_is_an_authentication_error()
    {
        _tenant.EnqueueFault(SimulatedFault.Status(401));
        _tenant.EnqueueFault(SimulatedFault.Status(401));

        var result = _engine.Run("Get-MdeSiemAlert " + SinceAll);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("MdeSiem.Unauthorized,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
    }

    [Fact]
    public void A_body_cut_off_mid_array_keeps_what_arrived_and_says_how_many()
    {
        _tenant.EnqueueFault(SimulatedFault.TruncateAfter(37));

        var result = _engine.Run("Get-MdeSiemAlert " + SinceAll);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("MdeSiem.IncompleteResponse,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        var delivered = result.OutputOf<MdeSiemAlert>().ToList();
        Assert.Equal(37, delivered.Count);
        Assert.Equal(_tenant.Generator.GetRecords().Take(37).Select(r => r.FullId), delivered.Select(a => a.FullId));
        Assert.Equal(37, ((MdeSiemException)error.Exception).DeliveredCount);
    }

    [Fact]
    public void A_body_that_is_not_JSON_is_an_invalid_response()
    {
        _tenant.EnqueueFault(SimulatedFault.Malformed());

        var result = _engine.Run("Get-MdeSiemAlert " + SinceAll);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("MdeSiem.InvalidResponse,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
    }

    [Fact]
    public async Task Stopping_a_pull_cancels_the_request_promptly()
    {
        _tenant.EnqueueFault(SimulatedFault.Slow(TimeSpan.FromSeconds(60)));
        using var shell = PowerShell.Create();
        using var runspace = System.Management.Automation.Runspaces.RunspaceFactory.CreateRunspace(
            HostedEngineState());
        runspace.Open();
        shell.Runspace = runspace;
        shell.AddScript(
            "Connect-MdeSiem -TenantId $t -ClientId $c -ClientSecret $s -EndpointUri $u -SkipCertificateCheck; Get-MdeSiemAlert -WarningAction SilentlyContinue");
        runspace.SessionStateProxy.SetVariable("t", _tenant.TenantId);
        runspace.SessionStateProxy.SetVariable("c", _tenant.ClientId);
        runspace.SessionStateProxy.SetVariable("s", HostedEngine.ToSecureString(_tenant.ClientSecret));
        runspace.SessionStateProxy.SetVariable("u", _tenant.BaseUri);

        var running = shell.BeginInvoke();
        var stopwatch = Stopwatch.StartNew();
        while (!_tenant.Requests.Any(r => r.Path.StartsWith("/api/alerts", StringComparison.Ordinal)) && stopwatch.Elapsed < TimeSpan.FromSeconds(30))
        {
            // The simulator logs a request when its response completes; the slow one is still pending, so wait
            // for the token request instead and give the API request a moment to be sent.
            if (_tenant.Requests.Any(r => r.Path.Contains("token", StringComparison.Ordinal)))
            {
                await Task.Delay(500);
                break;
            }

            await Task.Delay(50);
        }

        var stopping = Stopwatch.StartNew();
        await Task.Factory.FromAsync(shell.BeginStop(null, null), shell.EndStop);
        stopping.Stop();

        Assert.True(running.IsCompleted);
        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        // The server would hold the response for 60 s; a stop that waited for it would take that long.
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {stopping.Elapsed}");
    }

    private static System.Management.Automation.Runspaces.InitialSessionState HostedEngineState()
    {
        var state = System.Management.Automation.Runspaces.InitialSessionState.CreateDefault2();
        state.ImportPSModule(typeof(MdeSiem.Commands.ConnectMdeSiemCommand).Assembly.Location);
        return state;
    }
}
