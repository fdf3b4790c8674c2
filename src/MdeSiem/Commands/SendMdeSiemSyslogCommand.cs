using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Forwarding;
using MdeSiem.Forwarding;

namespace MdeSiem.Commands;

/// <summary>
/// Sends lines (from the ConvertTo-MdeSiem* cmdlets) or alert objects (as CEF) to a syslog collector over UDP, TCP
/// or TLS, in batches over one connection. A message that cannot be sent is a non-terminating error
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

    /// <summary>514 for UDP and TCP, 6514 for TLS, unless given.</summary>
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

    /// <summary>Write a result object per message.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        try
        {
            _sender = new SyslogSender(new SyslogSenderOptions
            {
                Host = ComputerName,
                Port = Port != 0 ? Port : Protocol == SyslogProtocol.Tls ? 6514 : 514,
                Protocol = Protocol,
                Format = Format,
                Facility = Facility,
                AppName = AppName,
                Hostname = Hostname,
                SkipCertificateCheck = SkipCertificateCheck,
                MaxReconnects = MaxReconnects,
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
            if (!result.Sent)
            {
                WriteError(ErrorRecords.From(new MdeSiemException(ErrorCode.SyslogSendFailed, result.Error ?? "The message was not sent.")
                {
                    RecommendedAction = "Check that the collector listens on this host, port and protocol; the result's Message holds the text to resend.",
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
