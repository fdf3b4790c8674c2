namespace MdeSiem;

/// <summary>Says once per session that the Defender for Endpoint and Defender XDR APIs retire, and where to go.</summary>
internal static class MdeApiRetirement
{
    public const string Message =
        "Microsoft retires the Defender for Endpoint API and the Defender XDR API on 1 February 2027 (Message Center MC1220762). "
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
