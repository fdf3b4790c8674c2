using System;
using MdeSiem.Core.Auth;
using MdeSiem.Simulator;
using MdeSiem.Tests.Cmdlets;
using Xunit;

namespace MdeSiem.Tests.Connect;

/// <summary>
/// Connect-MdeSiem -Identity as in an Azure Automation runbook or App Service: MSAL finds the endpoint through
/// IDENTITY_ENDPOINT and IDENTITY_HEADER, which these tests set for this process (and restore afterwards).
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ManagedIdentityTests : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly SimulatedTenant _tenant;
    private readonly HostedEngine _engine = new();
    private readonly string? _previousEndpoint = Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT");
    private readonly string? _previousHeader = Environment.GetEnvironmentVariable("IDENTITY_HEADER");

    public ManagedIdentityTests(SimulatorFixture fixture)
    {
        _tenant = fixture.Tenant;
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", _tenant.ManagedIdentityEndpoint.AbsoluteUri);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", _tenant.ManagedIdentityHeader);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", _previousEndpoint);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", _previousHeader);
        _engine.Dispose();
    }

    [Fact]
    public void System_assigned_identity_connects_and_pulls()
    {
        var result = _engine.Run("Connect-MdeSiem -Identity -EndpointUri $uri -SkipCertificateCheck -PassThru", ("uri", _tenant.BaseUri));

        Assert.Empty(result.Errors);
        var connection = Assert.Single(result.OutputOf<MdeSiemConnection>());
        Assert.Equal(AuthenticationFlow.ManagedIdentity, connection.AuthenticationMethod);
        Assert.Equal(_tenant.TenantId, connection.TenantId);
        Assert.Equal(_tenant.SystemAssignedIdentityClientId, connection.ClientId);
        ConnectedEngine.AssertPullsFive(_engine, _tenant);
        Assert.Contains(_tenant.Requests, r => r.Path == "/msi/token" && r.StatusCode == 200);
    }

    [Fact]
    public void User_assigned_identity_connects_with_its_client_id_and_pulls()
    {
        var result = _engine.Run(
            "Connect-MdeSiem -Identity -ClientId $id -EndpointUri $uri -SkipCertificateCheck",
            ("uri", _tenant.BaseUri),
            ("id", _tenant.UserAssignedIdentityClientId));

        Assert.Empty(result.Errors);
        ConnectedEngine.AssertPullsFive(_engine, _tenant);
    }

    [Fact]
    public void An_identity_not_assigned_to_the_resource_fails_to_sign_in()
    {
        var result = _engine.Run(
            "Connect-MdeSiem -Identity -ClientId $id -EndpointUri $uri -SkipCertificateCheck",
            ("uri", _tenant.BaseUri),
            ("id", Guid.NewGuid().ToString()));

        ConnectedEngine.AssertFails(result, "MdeSiem.AuthenticationFailed", System.Management.Automation.ErrorCategory.AuthenticationError);
    }
}
