using System;
using System.Linq;
using System.Management.Automation;
using MdeSiem.Core.Auth;
using MdeSiem.Simulator;
using MdeSiem.Tests.Cmdlets;
using Xunit;

namespace MdeSiem.Tests.Connect;

/// <summary>Get-MdeSiemConnection, Disconnect-MdeSiem and named connections (-Name, -Connection).</summary>
public sealed class SessionTests : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly SimulatedTenant _tenant;
    private readonly HostedEngine _engine = new();

    public SessionTests(SimulatorFixture fixture)
    {
        _tenant = fixture.Tenant;
    }

    public void Dispose() => _engine.Dispose();

    private void ConnectNamed(string name, string tenantId, string clientId, string secret)
    {
        var result = _engine.Run(
            "Connect-MdeSiem -Name $name -TenantId $tenant -ClientId $client -ClientSecret $secret -EndpointUri $uri -SkipCertificateCheck",
            ("name", name),
            ("tenant", tenantId),
            ("client", clientId),
            ("secret", HostedEngine.ToSecureString(secret)),
            ("uri", _tenant.BaseUri));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Get_MdeSiemConnection_shows_tenant_client_flow_cloud_region_roles_and_token_expiry()
    {
        var before = DateTime.UtcNow;
        _engine.ConnectTo(_tenant, "-Region EU");

        var result = _engine.Run("Get-MdeSiemConnection");

        Assert.Empty(result.Errors);
        var connection = Assert.Single(result.OutputOf<MdeSiemConnection>());
        Assert.Equal(_tenant.TenantId, connection.TenantId);
        Assert.Equal(_tenant.ClientId, connection.ClientId);
        Assert.Equal(AuthenticationFlow.ClientSecret, connection.AuthenticationMethod);
        Assert.Equal(CloudEnvironment.Global, connection.Environment);
        Assert.Equal(SiemRegion.EU, connection.Region);
        Assert.Equal(new[] { "Alert.Read.All" }, connection.Roles);
        var token = Assert.Single(connection.Tokens);
        Assert.Equal("https://graph.windows.net", token.Resource);

        // The simulator issues 3599-second tokens on the system clock, in whole seconds.
        Assert.InRange(token.ExpiresOnUtc!.Value, before.AddSeconds(3598), DateTime.UtcNow.AddSeconds(3599));
    }

    [Fact]
    public void Get_MdeSiemConnection_without_a_connection_returns_nothing()
    {
        var result = _engine.Run("Get-MdeSiemConnection");

        Assert.Empty(result.Errors);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Disconnect_forgets_the_connection_and_later_pulls_are_NotConnected()
    {
        _engine.ConnectTo(_tenant);

        var disconnect = _engine.Run("Disconnect-MdeSiem");
        var pull = _engine.Run("Get-MdeSiemAlert -Limit 5 -WarningAction SilentlyContinue");

        Assert.Empty(disconnect.Errors);
        Assert.Empty(_engine.Run("Get-MdeSiemConnection").Output);
        ConnectedEngine.AssertFails(pull, "MdeSiem.NotConnected", ErrorCategory.ConnectionError);
    }

    [Fact]
    public void A_kept_connection_object_cannot_be_used_after_disconnect()
    {
        _engine.ConnectTo(_tenant, "-Name kept");
        var connection = _engine.Run("Get-MdeSiemConnection -Name kept").OutputOf<MdeSiemConnection>().Single();
        _engine.Run("Disconnect-MdeSiem -Name kept");

        var pull = _engine.Run("Get-MdeSiemAlert -Limit 5 -Connection $c -WarningAction SilentlyContinue", ("c", connection));

        ConnectedEngine.AssertFails(pull, "MdeSiem.NotConnected", ErrorCategory.ConnectionError);
    }

    [Fact]
    public void Named_connections_coexist_and_the_last_one_is_the_default()
    {
        ConnectNamed("Contoso", _tenant.TenantId, _tenant.ClientId, _tenant.ClientSecret);
        ConnectNamed("Fabrikam", _tenant.UnmanagedTenantId, _tenant.UnmanagedClientId, _tenant.UnmanagedClientSecret);

        // The default is Fabrikam, a tenant the SIEM API refuses; Contoso is still reachable by name and object.
        var byDefault = _engine.Run("Get-MdeSiemAlert -Limit 5 -WarningAction SilentlyContinue");
        ConnectedEngine.AssertFails(byDefault, "MdeSiem.PermissionDenied", ErrorCategory.PermissionDenied);
        ConnectedEngine.AssertPullsFive(_engine, _tenant, "-Connection Contoso");
        ConnectedEngine.AssertPullsFive(_engine, _tenant, "-Connection (Get-MdeSiemConnection -Name Contoso)");

        var all = _engine.Run("Get-MdeSiemConnection -All").OutputOf<MdeSiemConnection>().Select(c => c.Name).ToList();
        Assert.Equal(new[] { "Contoso", "Fabrikam" }, all);
    }

    [Fact]
    public void Get_MdeSiemConnection_with_Connection_returns_that_connection_not_the_default()
    {
        ConnectNamed("Contoso", _tenant.TenantId, _tenant.ClientId, _tenant.ClientSecret);
        ConnectNamed("Fabrikam", _tenant.UnmanagedTenantId, _tenant.UnmanagedClientId, _tenant.UnmanagedClientSecret);

        var chosen = _engine.Run("Get-MdeSiemConnection -Connection Contoso");

        Assert.Empty(chosen.Errors);
        Assert.Equal(_tenant.TenantId, Assert.Single(chosen.OutputOf<MdeSiemConnection>()).TenantId);
        ConnectedEngine.AssertFails(
            _engine.Run("Get-MdeSiemConnection -Connection Nowhere"), "MdeSiem.ConnectionNotFound", ErrorCategory.ObjectNotFound);
    }

    [Theory]
    [InlineData("-Name Contoso -Connection Contoso")]
    [InlineData("-All -Connection Contoso")]
    public void Get_MdeSiemConnection_does_not_take_Connection_with_Name_or_All(string parameters)
    {
        ConnectNamed("Contoso", _tenant.TenantId, _tenant.ClientId, _tenant.ClientSecret);

        var result = _engine.Run("Get-MdeSiemConnection " + parameters);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("AmbiguousParameterSet,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void An_unknown_connection_name_is_ConnectionNotFound()
    {
        _engine.ConnectTo(_tenant);

        var result = _engine.Run("Get-MdeSiemAlert -Limit 5 -Connection Nowhere -WarningAction SilentlyContinue");

        ConnectedEngine.AssertFails(result, "MdeSiem.ConnectionNotFound", ErrorCategory.ObjectNotFound);
    }

    [Fact]
    public void Disconnecting_one_named_connection_keeps_the_others()
    {
        ConnectNamed("One", _tenant.TenantId, _tenant.ClientId, _tenant.ClientSecret);
        ConnectNamed("Two", _tenant.TenantId, _tenant.ClientId, _tenant.ClientSecret);

        Assert.Empty(_engine.Run("Disconnect-MdeSiem -Name One").Errors);

        var names = _engine.Run("Get-MdeSiemConnection -All").OutputOf<MdeSiemConnection>().Select(c => c.Name);
        Assert.Equal(new[] { "Two" }, names);
        ConnectedEngine.AssertPullsFive(_engine, _tenant);
    }
}
