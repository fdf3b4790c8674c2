namespace MdeSiem;

/// <summary>Says once per session that Microsoft deprecated the SIEM API and may turn it off, and where to go.</summary>
internal static class SiemApiDeprecation
{
    // Microsoft's terms (https://learn.microsoft.com/defender-endpoint/configure-siem): deprecated on 31 December 2023,
    // and "Effective December 31, 2024 ... we reserve the right to turn off the SIEM API, without further notice."
    public const string Message =
        "Microsoft deprecated the Defender for Endpoint SIEM API on 31 December 2023 and, since 31 December 2024, may turn it off without further notice. "
        + "Move to Get-DefenderAlert (Microsoft Graph security alerts); ConvertTo-GraphAlert maps SIEM records onto the Graph alert shape.";

    public static void WarnOnce(MdeSiemCmdlet cmdlet)
    {
        if (cmdlet.Session.SiemDeprecationWarned)
        {
            return;
        }

        cmdlet.Session.SiemDeprecationWarned = true;
        cmdlet.WriteWarning(Message);
    }
}
