using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.ioTDeviceEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-iotdeviceevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class IoTDeviceEvidence : AlertEvidence
{
    public string? DeviceId { get; set; }

    public string? DeviceName { get; set; }

    public string? DevicePageLink { get; set; }

    public string? DeviceSubType { get; set; }

    public string? DeviceType { get; set; }

    /// <summary>microsoft.graph.security.ioTDeviceImportanceType, as the service sends it.</summary>
    public string? Importance { get; set; }

    public AzureResourceEvidence? IoTHub { get; set; }

    public string? IoTSecurityAgentId { get; set; }

    public IpEvidence? IpAddress { get; set; }

    public bool? IsAuthorized { get; set; }

    public bool? IsProgramming { get; set; }

    public bool? IsScanner { get; set; }

    public string? MacAddress { get; set; }

    public string? Manufacturer { get; set; }

    public string? Model { get; set; }

    public List<NicEvidence> Nics { get; set; } = new();

    public string? OperatingSystem { get; set; }

    public List<string> Owners { get; set; } = new();

    public List<string> Protocols { get; set; } = new();

    public string? PurdueLayer { get; set; }

    public string? Sensor { get; set; }

    public string? SerialNumber { get; set; }

    public string? Site { get; set; }

    public string? Source { get; set; }

    public UrlEvidence? SourceRef { get; set; }

    public string? Zone { get; set; }
}
