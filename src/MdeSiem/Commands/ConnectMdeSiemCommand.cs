using System;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Http;

namespace MdeSiem.Commands;

/// <summary>
/// Signs in to a tenant and keeps the session for this runspace. One parameter set per way of signing in; the
/// credential is checked at once, so a wrong secret fails here rather than at the first pull. The connection
/// becomes the default; with -Name it is also kept under that name beside others.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "MdeSiem", DefaultParameterSetName = ClientSecretSet)]
[OutputType(typeof(MdeSiemConnection))]
public sealed class ConnectMdeSiemCommand : MdeSiemCmdlet
{
    private const string ClientSecretSet = "ClientSecret";
    private const string CredentialSet = "Credential";
    private const string ThumbprintSet = "CertificateThumbprint";
    private const string CertificateSet = "Certificate";
    private const string CertificatePathSet = "CertificatePath";
    private const string AccessTokenSet = "AccessToken";
    private const string ManagedIdentitySet = "ManagedIdentity";
    private const string DeviceCodeSet = "DeviceCode";
    private const string InteractiveSet = "Interactive";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ClientSecretSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = CredentialSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ThumbprintSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = CertificateSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = CertificatePathSet)]
    [Parameter(ParameterSetName = AccessTokenSet)]
    [Parameter(ParameterSetName = ManagedIdentitySet)]
    [Parameter(ParameterSetName = DeviceCodeSet)]
    [Parameter(ParameterSetName = InteractiveSet)]
    [ValidateNotNullOrEmpty]
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The application (client) id; with -Identity, the client id of a user-assigned identity.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ClientSecretSet)]
    [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
    [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
    [Parameter(Mandatory = true, ParameterSetName = CertificatePathSet)]
    [Parameter(Mandatory = true, ParameterSetName = DeviceCodeSet)]
    [Parameter(Mandatory = true, ParameterSetName = InteractiveSet)]
    [Parameter(ParameterSetName = ManagedIdentitySet)]
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

    [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
    [ValidateNotNullOrEmpty]
    public string CertificateThumbprint { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
    [ValidateNotNull]
    public X509Certificate2? Certificate { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = CertificatePathSet)]
    [ValidateNotNullOrEmpty]
    public string CertificatePath { get; set; } = string.Empty;

    [Parameter(ParameterSetName = CertificatePathSet)]
    [ValidateNotNull]
    public SecureString? CertificatePassword { get; set; }

    /// <summary>A token obtained elsewhere; never refreshed.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
    [ValidateNotNull]
    public SecureString? AccessToken { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ManagedIdentitySet)]
    public SwitchParameter Identity { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = DeviceCodeSet)]
    public SwitchParameter DeviceCode { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = InteractiveSet)]
    public SwitchParameter Interactive { get; set; }

    /// <summary>Keep the connection under this name too, beside other tenants' (MSSPs).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

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

    /// <summary>Seconds a response body may send nothing while it is read before the pull fails (not a hang).</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int BodyTimeoutSec { get; set; } = (int)ConnectionSettings.DefaultBodyTimeout.TotalSeconds;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecordCore()
    {
        var settings = new ConnectionSettings
        {
            Name = Name,
            Flow = FlowOf(ParameterSetName),
            TenantId = TenantId,
            ClientId = ParameterSetName == CredentialSet ? Credential!.UserName : ClientId,
            ClientSecret = ParameterSetName == CredentialSet ? Credential!.Password : ClientSecret,
            Certificate = LoadCertificate(),
            AccessToken = AccessToken,
            DeviceCodeCallback = ShowDeviceCode,
            Region = Region,
            Environment = Environment,
            EndpointUri = EndpointUri,
            SkipCertificateCheck = SkipCertificateCheck.IsPresent,
            Retry = new RetrySettings { MaxRetries = MaxRetryCount },
            BodyTimeout = TimeSpan.FromSeconds(BodyTimeoutSec),
            HostProduct = PowerShellProduct(),
        };

        WriteVerbose($"Signing in to tenant '{settings.TenantId}' with {settings.Flow} (application '{settings.ClientId}', {Environment}).");
        var connection = Await(MdeSiemConnection.ConnectAsync(settings, CancellationToken));
        Session.Add(connection);
        WriteVerbose($"Connected to tenant '{connection.TenantId}'; SIEM API region {connection.Region}.");

        if (PassThru)
        {
            WriteObject(connection);
        }
    }

    /// <summary>"PowerShell/7.6.9" for the User-Agent, from this session's $PSVersionTable.</summary>
    private string? PowerShellProduct() =>
        SessionState.PSVariable.GetValue("PSVersionTable") is System.Collections.IDictionary table && table["PSVersion"] is { } version
            ? "PowerShell/" + version
            : null;

    private static AuthenticationFlow FlowOf(string parameterSet) => parameterSet switch
    {
        ThumbprintSet or CertificateSet or CertificatePathSet => AuthenticationFlow.Certificate,
        AccessTokenSet => AuthenticationFlow.AccessToken,
        ManagedIdentitySet => AuthenticationFlow.ManagedIdentity,
        DeviceCodeSet => AuthenticationFlow.DeviceCode,
        InteractiveSet => AuthenticationFlow.Interactive,
        _ => AuthenticationFlow.ClientSecret,
    };

    private X509Certificate2? LoadCertificate() => ParameterSetName switch
    {
        ThumbprintSet => CertificateLoader.FromThumbprint(CertificateThumbprint),
        CertificateSet => CertificateLoader.RequirePrivateKey(Certificate!, Certificate!.Thumbprint),
        CertificatePathSet => CertificateLoader.FromFile(GetUnresolvedProviderPathFromPSPath(CertificatePath), CertificatePassword),
        _ => null,
    };

    // MSAL calls this on a worker thread: queue the instructions; the pipeline thread writes them as a warning.
    private Task ShowDeviceCode(string message, System.Threading.CancellationToken cancellationToken)
    {
        QueueWarning(message);
        return Task.CompletedTask;
    }
}
