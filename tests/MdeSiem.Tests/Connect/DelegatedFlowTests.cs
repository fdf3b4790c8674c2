using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Simulator;
using MdeSiem.Tests.Cmdlets;
using Xunit;

namespace MdeSiem.Tests.Connect;

/// <summary>
/// Delegated sign-in. Device code runs end to end: the test plays the user, reads the code from the warning
/// stream's source (the simulator's pending codes) and approves it. Interactive runs end to end in real pwsh with a
/// fake system browser (tests/ConnectInteractive.Tests.ps1); here only its parameter validation is tested.
/// </summary>
public sealed class DelegatedFlowTests : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly SimulatedTenant _tenant;
    private readonly HostedEngine _engine = new();

    public DelegatedFlowTests(SimulatorFixture fixture)
    {
        _tenant = fixture.Tenant;
    }

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task Device_code_shows_the_code_as_a_warning_waits_for_approval_and_pulls()
    {
        var connecting = Task.Run(() => _engine.Run(
            "Connect-MdeSiem -DeviceCode -TenantId $tenant -ClientId $client -EndpointUri $uri -SkipCertificateCheck -PassThru",
            ("tenant", _tenant.TenantId),
            ("client", _tenant.ClientId),
            ("uri", _tenant.BaseUri)));

        var userCode = await WaitForPendingCode();
        Assert.True(_tenant.ApproveDeviceCode(userCode));
        var result = await connecting;

        Assert.Empty(result.Errors);
        Assert.Contains(result.Warnings, warning => warning.Contains(userCode, StringComparison.Ordinal));
        var connection = Assert.Single(result.OutputOf<MdeSiemConnection>());
        Assert.Equal(AuthenticationFlow.DeviceCode, connection.AuthenticationMethod);
        Assert.Contains("Alert.Read", connection.Scopes);
        ConnectedEngine.AssertPullsFive(_engine, _tenant);

        // Another audience comes silently from the refresh token: no second device code.
        await connection.TokenSource.GetAccessTokenAsync("https://api.securitycenter.microsoft.com", forceRefresh: false, CancellationToken.None);
        Assert.Equal(
            new[] { "https://api.securitycenter.microsoft.com", "https://graph.windows.net" },
            connection.Tokens.Select(token => token.Resource).OrderBy(resource => resource, StringComparer.Ordinal));
        Assert.Empty(_tenant.PendingDeviceCodes);
    }

    [Fact]
    public void Interactive_requires_a_client_id()
    {
        var result = _engine.Run("Connect-MdeSiem -Interactive -TenantId $tenant", ("tenant", _tenant.TenantId));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("MissingMandatoryParameter,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-Interactive -DeviceCode -ClientId $client")]
    [InlineData("-Interactive -ClientId $client -ClientSecret $secret")]
    [InlineData("-DeviceCode -ClientId $client -Identity")]
    public void Delegated_switches_do_not_combine_with_other_credentials(string parameters)
    {
        var result = _engine.Run(
            "Connect-MdeSiem -TenantId $tenant " + parameters,
            ("tenant", _tenant.TenantId),
            ("client", _tenant.ClientId),
            ("secret", HostedEngine.ToSecureString("not-used")));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("AmbiguousParameterSet,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
    }

    private async Task<string> WaitForPendingCode()
    {
        // The code appears when MSAL has called the devicecode endpoint; polling the simulator is not a timing assertion.
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            var pending = _tenant.PendingDeviceCodes;
            if (pending.Count > 0)
            {
                return pending.Single();
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No device code was requested within 60 s.");
    }
}
