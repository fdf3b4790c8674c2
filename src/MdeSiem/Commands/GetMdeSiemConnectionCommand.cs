using System.Management.Automation;
using MdeSiem.Core.Auth;

namespace MdeSiem.Commands;

/// <summary>
/// Shows the session's connections: tenant, client, flow, cloud, region, and the expiry, roles and scopes of the
/// tokens acquired so far. The connection object holds no secret or token, so it is safe to print or log.
/// -Connection belongs to the default set only: -Name and -All already say which connections to show, so offering
/// it there would accept a parameter and ignore it.
/// </summary>
[Cmdlet(VerbsCommon.Get, "MdeSiemConnection", DefaultParameterSetName = DefaultSet)]
[OutputType(typeof(MdeSiemConnection))]
public sealed class GetMdeSiemConnectionCommand : MdeSiemCmdlet
{
    private const string DefaultSet = "Default";
    private const string NameSet = "Name";
    private const string AllSet = "All";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    /// <summary>Return this connection (a name or a connection object) instead of the default.</summary>
    [Parameter(ParameterSetName = DefaultSet)]
    [ValidateNotNull]
    public ConnectionArgument? Connection { get; set; }

    protected override ConnectionArgument? RequestedConnection => Connection;

    protected override void ProcessRecordCore()
    {
        switch (ParameterSetName)
        {
            case AllSet:
                foreach (var connection in Session.All)
                {
                    WriteObject(connection);
                }

                break;
            case NameSet:
                var named = Session.Find(Name);
                if (named is null)
                {
                    WriteError(ErrorRecords.ConnectionNotFound(Name));
                }
                else
                {
                    WriteObject(named);
                }

                break;
            default:
                // With -Connection, show that one; otherwise the default, or nothing when not connected.
                if (Connection is not null || Session.Connection is not null)
                {
                    WriteObject(RequireConnection());
                }

                break;
        }
    }
}
