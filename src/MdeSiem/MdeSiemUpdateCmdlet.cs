using System;
using System.Management.Automation;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;

namespace MdeSiem;

/// <summary>
/// Base of the cmdlets that change an alert or an incident: -PassThru, and one way to confirm, send and write, so
/// -WhatIf and -Confirm behave alike in all of them (nothing is sent unless ShouldProcess agrees).
/// </summary>
public abstract class MdeSiemUpdateCmdlet : MdeSiemConnectedCmdlet
{
    /// <summary>Write the item as it is after the update.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected static MdeSiemException NothingToUpdate(string parameters) =>
        new(ErrorCode.InvalidArgument, "Nothing to update: pass " + parameters + ".");

    /// <param name="target">What is changed, for -WhatIf and -Confirm ("incident 42").</param>
    /// <param name="update">The changes; its text describes them.</param>
    /// <param name="send">Sends the update and returns the item as the service answered.</param>
    /// <param name="beforeConfirm">Runs once connected, before asking (a retirement warning).</param>
    protected void SendUpdate<T>(string target, object update, Func<MdeSiemConnection, Task<T>> send, Action? beforeConfirm = null)
    {
        var connection = RequireConnection();
        beforeConfirm?.Invoke();
        if (!ShouldProcess(target, "Update (" + update + ")"))
        {
            return;
        }

        var updated = Await(send(connection));
        if (PassThru.IsPresent)
        {
            WriteObject(updated);
        }
    }
}
