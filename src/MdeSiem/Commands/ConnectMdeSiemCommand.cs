using System;
using System.Management.Automation;
using System.Security;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Http;

namespace MdeSiem.Commands;

/// <summary>
/// Signs in to a tenant and keeps the session for this runspace; a second Connect replaces the first. Credentials
/// are checked at once, so a wrong secret fails here rather than at the first pull.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "MdeSiem", DefaultParameterSetName = ClientSecretSet)]
[OutputType(typeof(MdeSiemConnection))]
public sealed class ConnectMdeSiemCommand : MdeSiemCmdlet
{
    private const string ClientSecretSet = "ClientSecret";
    private const string CredentialSet = "Credential";

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string TenantId { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ClientSecretSet)]
    [ValidateNotNullOrEmpty]
    public string ClientId { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 2, ParameterSetName = ClientSecretSet)]
    [ValidateNotNull]
    public SecureString? ClientSecret { get; set; }

    /// <summary>User name = application (client) id, password = client secret; composes with Get-Secret.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [ValidateNotNull]
    [Credential]
    public PSCredential? Credential { get; set; }

    [Parameter]
    public SiemRegion Region { get; set; } = SiemRegion.US;

    [Parameter]
    public CloudEnvironment Environment { get; set; } = CloudEnvironment.Global;

    /// <summary>Serve sign-in and every API from this base URI (the simulated tenant, a private endpoint).</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? EndpointUri { get; set; }

    /// <summary>Accept an untrusted TLS certificate; only for an -EndpointUri on loopback.</summary>
    [Parameter]
    public SwitchParameter SkipCertificateCheck { get; set; }

    /// <summary>Retries after a throttled (429) or failed (5xx, network) request before giving up.</summary>
    [Parameter]
    [ValidateRange(0, 10)]
    public int MaxRetryCount { get; set; } = new RetrySettings().MaxRetries;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecordCore()
    {
        var settings = new ConnectionSettings
        {
            TenantId = TenantId,
            ClientId = ParameterSetName == CredentialSet ? Credential!.UserName : ClientId,
            ClientSecret = ParameterSetName == CredentialSet ? Credential!.Password : ClientSecret,
            Region = Region,
            Environment = Environment,
            EndpointUri = EndpointUri,
            SkipCertificateCheck = SkipCertificateCheck.IsPresent,
            Retry = new RetrySettings { MaxRetries = MaxRetryCount },
        };

        WriteVerbose($"Signing in to tenant {settings.TenantId} as application {settings.ClientId} ({Environment}).");
        var connection = Await(MdeSiemConnection.ConnectAsync(settings, CancellationToken));

        Session.Connection?.Dispose();
        Session.Connection = connection;
        WriteVerbose($"Connected to tenant {connection.TenantId}; SIEM API region {connection.Region}.");

        if (PassThru)
        {
            WriteObject(connection);
        }
    }
}
