using System.Management.Automation;

namespace MdeSiem;

/// <summary>
/// Writes the module's warnings and verbose lines so that -Debug never turns them into a prompt the user did not
/// ask for.
/// </summary>
/// <remarks>
/// A compiled cmdlet run with -Debug gets ActionPreference.Inquire for its warning and verbose streams unless
/// -WarningAction / -Verbose say otherwise (PowerShell's MshCommandRuntime): each WriteWarning or WriteVerbose then
/// asks "Continue with this operation?", and in a non-interactive session (pwsh -NonInteractive, a scheduled task,
/// Azure Automation) the question fails the command. A user who typed -Debug asked for more output, not for
/// questions: in that case the line goes straight to the host, as a warning or verbose line (a warning not at all
/// when $WarningPreference silences warnings). A prompt the user chose (-WarningAction Inquire, or the preference
/// variable set to Inquire) is still asked.
/// </remarks>
internal static class PromptFreeStreams
{
    public static void Warning(MdeSiemCmdlet cmdlet, string text)
    {
        var preference = cmdlet.SessionState.PSVariable.GetValue("WarningPreference");
        if (!InquiresOnlyBecauseOfDebug(cmdlet, "WarningAction") || preference is ActionPreference.Inquire)
        {
            cmdlet.WriteWarningToStream(text);
        }
        else if (preference is not (ActionPreference.SilentlyContinue or ActionPreference.Ignore))
        {
            cmdlet.Host.UI.WriteWarningLine(text);
        }
    }

    public static void Verbose(MdeSiemCmdlet cmdlet, string text)
    {
        if (!InquiresOnlyBecauseOfDebug(cmdlet, "Verbose")
            || cmdlet.SessionState.PSVariable.GetValue("VerbosePreference") is ActionPreference.Inquire)
        {
            cmdlet.WriteVerboseToStream(text);
        }
        else
        {
            cmdlet.Host.UI.WriteVerboseLine(text);
        }
    }

    private static bool InquiresOnlyBecauseOfDebug(PSCmdlet cmdlet, string overridingParameter)
    {
        var bound = cmdlet.MyInvocation.BoundParameters;
        return !bound.ContainsKey(overridingParameter)
            && bound.TryGetValue("Debug", out var debug) && debug is SwitchParameter { IsPresent: true };
    }
}
