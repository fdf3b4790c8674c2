using MdeSiem.Core.Migration;

namespace MdeSiem;

/// <summary>
/// Says once per session that a cmdlet calls an API Microsoft retires, and where to go. The dates and announcements
/// come from the one table of retiring surfaces (<see cref="RetiringSurfaces"/>), which Find-MdeSiemRetiredApi
/// reports too.
/// </summary>
internal sealed class RetiringApiWarning
{
    /// <summary>
    /// The SIEM API: deprecated on 31 December 2023, and "Effective December 31, 2024 ... we reserve the right to turn
    /// off the SIEM API, without further notice" (https://learn.microsoft.com/defender-endpoint/configure-siem).
    /// </summary>
    public static readonly RetiringApiWarning SiemApi = new(
        RetiringSurfaces.SiemApi.WarningText + ". ConvertTo-GraphAlert maps SIEM records onto the Graph alert shape.");

    /// <summary>The Defender for Endpoint API and the Defender XDR API, which retire together.</summary>
    public static readonly RetiringApiWarning DefenderApi = new(
        $"Microsoft retires the Defender for Endpoint API and the Defender XDR API on {RetiringSurfaces.DefenderApi.RetirementDateText} ({RetiringSurfaces.DefenderApi.Source}). "
        + "Move to Get-DefenderAlert and Get-DefenderIncident (Microsoft Graph security API); ConvertTo-GraphAlert maps MdeAlert objects onto the Graph alert shape.");

    private RetiringApiWarning(string message)
    {
        Message = message;
    }

    public string Message { get; }

    public void WarnOnce(MdeSiemCmdlet cmdlet)
    {
        if (cmdlet.Session.RetirementsWarned.Add(this))
        {
            cmdlet.WriteWarning(Message);
        }
    }
}
