namespace MdeSiem.Core.Mde;

/// <summary>The application permissions of the Defender for Endpoint and Defender XDR APIs, named in 403 errors.</summary>
public static class MdePermission
{
    public const string AlertRead = "Alert.Read.All";

    public const string AlertReadWrite = "Alert.ReadWrite.All";

    public const string IncidentRead = "Incident.Read.All";

    public const string IncidentReadWrite = "Incident.ReadWrite.All";
}
