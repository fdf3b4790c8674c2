using MdeSiem.Core.Migration;

namespace MdeSiem;

/// <summary>Says once per session that the Defender for Endpoint and Defender XDR APIs retire, and where to go.</summary>
internal static class MdeApiRetirement
{
    // The date and the announcement come from the one retirement table that Find-MdeSiemRetiredApi reports too.
    public static readonly string Message =
        $"Microsoft retires the Defender for Endpoint API and the Defender XDR API on {RetiringSurfaces.DefenderApi.RetirementDateText} ({RetiringSurfaces.DefenderApi.Source}). "
        + "Move to Get-DefenderAlert and Get-DefenderIncident (Microsoft Graph security API); ConvertTo-GraphAlert maps MdeAlert objects onto the Graph alert shape.";

    public static void WarnOnce(MdeSiemCmdlet cmdlet)
    {
        if (cmdlet.Session.MdeApiRetirementWarned)
        {
            return;
        }

        cmdlet.Session.MdeApiRetirementWarned = true;
        cmdlet.WriteWarning(Message);
    }
}
