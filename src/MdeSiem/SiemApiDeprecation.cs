namespace MdeSiem;

/// <summary>Says once per session that Microsoft deprecated the SIEM API and may turn it off, and where to go.</summary>
internal static class SiemApiDeprecation
{
    // Microsoft's terms (https://learn.microsoft.com/defender-endpoint/configure-siem): deprecated on 31 December 2023,
    // and "Effective December 31, 2024 ... we reserve the right to turn off the SIEM API, without further notice."
    // The text comes from the one table of retiring surfaces, which Find-MdeSiemRetiredApi reports too.
    public static readonly string Message =
        Core.Migration.RetiringSurfaces.SiemApi.WarningText + ". ConvertTo-GraphAlert maps SIEM records onto the Graph alert shape.";

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
