using System;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using MdeSiem.Commands;
using MdeSiem.Simulator;

namespace MdeSiem.Tests.Cmdlets;

/// <summary>
/// A real PowerShell engine in this process with the module imported, for fast cmdlet checks. Each instance has
/// its own runspace, so its session state (the connection) is its own.
/// </summary>
internal sealed class HostedEngine : IDisposable
{
    private readonly Runspace _runspace;

    public HostedEngine()
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(typeof(ConnectMdeSiemCommand).Assembly.Location);
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
    }

    /// <summary>Runs a script with named variables set; returns the output and the streams it wrote.</summary>
    public EngineResult Run(string script, params (string Name, object? Value)[] variables)
    {
        using var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        foreach (var (name, value) in variables)
        {
            _runspace.SessionStateProxy.SetVariable(name, value);
        }

        shell.AddScript(script);
        Collection<PSObject> output;
        try
        {
            output = shell.Invoke();
        }
        catch (RuntimeException exception)
        {
            // A terminating error: the script's own ErrorRecord, like $_ in a catch block.
            return new EngineResult(new Collection<PSObject>(), shell.Streams.Error.Append(exception.ErrorRecord).ToList(), shell.Streams);
        }

        return new EngineResult(output, shell.Streams.Error.ToList(), shell.Streams);
    }

    /// <summary>Connects the runspace to a simulated tenant with its client secret.</summary>
    public void ConnectTo(SimulatedTenant tenant, string extraParameters = "")
    {
        // The engine package has no Microsoft.PowerShell.Security module (ConvertTo-SecureString): build it here.
        var result = Run(
            "Connect-MdeSiem -TenantId $tenant -ClientId $client -ClientSecret $secret -EndpointUri $uri -SkipCertificateCheck " + extraParameters,
            ("secret", ToSecureString(tenant.ClientSecret)),
            ("tenant", tenant.TenantId),
            ("client", tenant.ClientId),
            ("uri", tenant.BaseUri));
        if (result.Errors.Count > 0)
        {
            throw new InvalidOperationException("Connect failed: " + result.Errors[0]);
        }
    }

    public void Dispose() => _runspace.Dispose();

    public static SecureString ToSecureString(string text)
    {
        var secure = new SecureString();
        foreach (var character in text)
        {
            secure.AppendChar(character);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
