using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Forwarding;
using MdeSiem.Forwarding;

namespace MdeSiem.Commands;

/// <summary>
/// Sends lines (from the ConvertTo-MdeSiem* cmdlets) or alert objects (as CEF) to a syslog collector over UDP, TCP,
/// TLS or RELP, in batches over one connection. A message that cannot be sent is a non-terminating error
/// (MdeSiem.SyslogSendFailed) and the rest go on.
/// </summary>
[Cmdlet(VerbsCommunications.Send, "MdeSiemSyslog")]
[OutputType(typeof(SyslogSendResult))]
public sealed class SendMdeSiemSyslogCommand : MdeSiemCmdlet
{
    private readonly List<SyslogMessage> _pending = new();
    private SyslogSender? _sender;
    private FieldMapResolver? _fieldMap;

    /// <summary>A line to send as it is, or a record to format as CEF.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string ComputerName { get; set; } = string.Empty;

    /// <summary>514 for UDP and TCP, 6514 for TLS, 20514 for RELP, unless given.</summary>
    [Parameter(Position = 1)]
    [ValidateRange(1, 65535)]
    public int Port { get; set; }

    [Parameter]
    public SyslogProtocol Protocol { get; set; } = SyslogProtocol.Udp;

    [Parameter]
    public SyslogFormat Format { get; set; } = SyslogFormat.Rfc5424;

    [Parameter]
    public SyslogFacility Facility { get; set; } = SyslogFacility.User;

    /// <summary>A fixed severity for every message; otherwise mapped from each record's severity.</summary>
    [Parameter]
    public SyslogSeverity Severity { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string AppName { get; set; } = "MdeSiem";

    /// <summary>The HOSTNAME in each message; this machine's name unless given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Hostname { get; set; }

    /// <summary>CEF key to a property name or script block, for records formatted here.</summary>
    [Parameter]
    public Hashtable? FieldMap { get; set; }

    [Parameter]
    [ValidateRange(1, 100000)]
    public int BatchSize { get; set; } = 100;

    [Parameter]
    [ValidateRange(0, 10)]
    public int MaxReconnects { get; set; } = 2;

    /// <summary>Accept any TLS certificate; only for a collector on loopback.</summary>
    [Parameter]
    public SwitchParameter SkipCertificateCheck { get; set; }

    /// <summary>The client certificate (with its private key) for a collector that requires one (mutual TLS).</summary>
    [Parameter]
    [ValidateNotNull]
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>A PFX, or a PEM holding the certificate and its key, as -CertificatePath of Connect-MdeSiem.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ClientCertificatePath { get; set; }

    [Parameter]
    [ValidateNotNull]
    public SecureString? ClientCertificatePassword { get; set; }

    /// <summary>A PEM (or DER) file of CA certificates trusted for the collector's certificate.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CaCertificatePath { get; set; }

    /// <summary>"sha256/BASE64" public-key pins or certificate thumbprints; the collector must match one.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? CertificatePin { get; set; }

    /// <summary>Retries of a connect that failed, with exponential back-off.</summary>
    [Parameter]
    [ValidateRange(0, 20)]
    public int ConnectRetryCount { get; set; } = new SyslogSenderOptions().ConnectRetries;

    /// <summary>The wait before the first connect retry; it doubles for each next one (30 s at most).</summary>
    [Parameter]
    public TimeSpan ConnectRetryDelay { get; set; } = new SyslogSenderOptions().ConnectRetryDelay;

    /// <summary>Truncate messages longer than this many bytes (the collector's limit: rsyslog's default is 8096).</summary>
    [Parameter]
    [ValidateRange(480, 16777216)]
    public int MaxMessageSize { get; set; }

    /// <summary>Timestamps in this computer's time zone instead of UTC.</summary>
    [Parameter]
    public SwitchParameter LocalTime { get; set; }

    /// <summary>Write a result object per message.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        try
        {
            if (ConnectRetryDelay < TimeSpan.Zero || ConnectRetryDelay > TimeSpan.FromMinutes(5))
            {
                throw new MdeSiemException(ErrorCode.InvalidArgument, $"-ConnectRetryDelay {ConnectRetryDelay} is not between 0 and 5 minutes.") { Target = ConnectRetryDelay };
            }

            _sender = new SyslogSender(new SyslogSenderOptions
            {
                Host = ComputerName,
                Port = Port != 0 ? Port : DefaultPort(Protocol),
                Protocol = Protocol,
                Format = Format,
                Facility = Facility,
                AppName = AppName,
                Hostname = Hostname,
                SkipCertificateCheck = SkipCertificateCheck,
                ClientCertificate = LoadClientCertificate(),
                TrustedCertificates = CaCertificatePath is null ? null : SyslogTrustFile.Load(GetUnresolvedProviderPathFromPSPath(CaCertificatePath)),
                CertificatePins = CertificatePin,
                ConnectRetries = ConnectRetryCount,
                ConnectRetryDelay = ConnectRetryDelay,
                MaxReconnects = MaxReconnects,
                MaxMessageSize = MaxMessageSize,
                LocalTime = LocalTime,
            });
            _fieldMap = new FieldMapResolver(FieldMap);
        }
        catch (MdeSiemException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception));
        }

        WriteVerbose($"Sending syslog to {_sender!.Destination} ({Format}, batches of {BatchSize}).");
    }

    protected override void ProcessRecordCore()
    {
        SyslogSeverity? fixedSeverity = MyInvocation.BoundParameters.ContainsKey(nameof(Severity)) ? Severity : null;
        if (InputObject!.BaseObject is string text)
        {
            _pending.Add(SyslogMessages.FromText(text, fixedSeverity));
        }
        else
        {
            var fields = PSObjectFields.From(InputObject);
            _pending.Add(SyslogMessages.FromRecord(fields, _fieldMap!.Resolve(InputObject, fields), fixedSeverity));
        }

        if (_pending.Count >= BatchSize)
        {
            Flush();
        }
    }

    protected override void EndProcessing()
    {
        try
        {
            Flush();
            Await(_sender!.CloseAsync(CancellationToken));
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: the engine is stopping the pipeline.
        }
        finally
        {
            _sender?.Dispose();
        }
    }

    protected override void StopProcessing()
    {
        base.StopProcessing();
        _sender?.Dispose();
    }

    private static int DefaultPort(SyslogProtocol protocol) => protocol switch
    {
        SyslogProtocol.Tls => 6514,
        SyslogProtocol.Relp or SyslogProtocol.RelpTls => 20514,
        _ => 514,
    };

    private X509Certificate2? LoadClientCertificate()
    {
        if (ClientCertificate is not null && ClientCertificatePath is not null)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "Give -ClientCertificate or -ClientCertificatePath, not both.");
        }

        if (ClientCertificate is not null)
        {
            return CertificateLoader.RequirePrivateKey(ClientCertificate, ClientCertificate.Thumbprint);
        }

        return ClientCertificatePath is null ? null : CertificateLoader.FromFile(GetUnresolvedProviderPathFromPSPath(ClientCertificatePath), ClientCertificatePassword);
    }

    private void Flush()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var results = Await(_sender!.SendAsync(_pending.ToArray(), CancellationToken));
        _pending.Clear();
        foreach (var result in results)
        {
            if (result.Truncated)
            {
                WriteVerbose($"Message {result.Index} was longer than {MaxMessageSize} bytes and was truncated.");
            }

            if (!result.Sent)
            {
                WriteError(ErrorRecords.From(new MdeSiemException(ErrorCode.SyslogSendFailed, result.Error ?? "The message was not sent.")
                {
                    RecommendedAction = "Check that the collector listens on this host, port and protocol and accepts this client; the result's Message holds the text to resend.",
                    Target = result,
                }));
            }

            if (PassThru)
            {
                WriteObject(result);
            }
        }
    }
}
