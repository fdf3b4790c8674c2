using System.Management.Automation;
using MdeSiem.Core.Auth;

namespace MdeSiem.Commands;

/// <summary>
/// Forgets a connection (the default, one named with -Name, or the one given to -Connection) and clears its
/// tokens and accounts from MSAL's cache. Nothing changes in the tenant.
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "MdeSiem")]
[OutputType(typeof(MdeSiemConnection))]
public sealed class DisconnectMdeSiemCommand : MdeSiemConnectedCmdlet
{
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Return the connection that was closed.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecordCore()
    {
        if (Name is not null && Connection is null)
        {
            Connection = new ConnectionArgument(Name);
        }

        var connection = RequireConnection();
        Await(SignOut(connection));
        Session.Remove(connection);
        connection.Dispose();
        WriteVerbose($"Disconnected from tenant '{connection.TenantId}'.");
        if (PassThru)
        {
            WriteObject(connection);
        }
    }

    private static async System.Threading.Tasks.Task<bool> SignOut(MdeSiemConnection connection)
    {
        await connection.SignOutAsync().ConfigureAwait(false);
        return true;
    }
}
