using System.Management.Automation;

namespace MdeSiem;

/// <summary>
/// Base of the cmdlets that call a tenant: they take -Connection (a name given to Connect-MdeSiem -Name, or a
/// connection object) to use another connection than the session's default. Cmdlets that only transform objects
/// derive from <see cref="MdeSiemCmdlet"/> and do not offer a parameter they would ignore.
/// </summary>
public abstract class MdeSiemConnectedCmdlet : MdeSiemCmdlet
{
    /// <summary>
    /// The connection to use instead of the default: a name given to Connect-MdeSiem -Name, or a connection
    /// object from -PassThru or Get-MdeSiemConnection.
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public ConnectionArgument? Connection { get; set; }

    protected override ConnectionArgument? RequestedConnection => Connection;
}
