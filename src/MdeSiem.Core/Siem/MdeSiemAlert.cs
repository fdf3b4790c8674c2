using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Siem;

/// <summary>
/// One detection from the SIEM API. A Defender alert can arrive as several of these (one per indicator, numbered
/// by <see cref="AlertPart"/>); <see cref="FullId"/> identifies a record. Property names are the service's own
/// field names, so CSV files and SIEM parsers built for the raw API keep their columns.
/// </summary>
/// <remarks>
/// Empty strings from the service become null: the service sends "" and null for the same absence, inconsistently
/// between records, so keeping both would make filters like <c>$_.Url -eq $null</c> unreliable. Times are UTC.
/// </remarks>
public sealed class MdeSiemAlert
{
    public DateTime? AlertTime { get; set; }

    public string? ComputerDnsName { get; set; }

    public string? AlertTitle { get; set; }

    public string? Category { get; set; }

    public string? Severity { get; set; }

    public string? AlertId { get; set; }

    public string? Actor { get; set; }

    public string? LinkToWDATP { get; set; }

    public string? IocName { get; set; }

    public string? IocValue { get; set; }

    public string? CreatorIocName { get; set; }

    public string? CreatorIocValue { get; set; }

    public string? Sha1 { get; set; }

    public string? FileName { get; set; }

    public string? FilePath { get; set; }

    public string? IpAddress { get; set; }

    public string? Url { get; set; }

    public string? IoaDefinitionId { get; set; }

    public string? UserName { get; set; }

    public int AlertPart { get; set; }

    /// <summary>AlertId:IocUniqueId, the identity of this record; de-duplicate on it.</summary>
    public string? FullId { get; set; }

    /// <summary>When the service processed the record; the SIEM API's time filters apply to it.</summary>
    public DateTime? LastProcessedTimeUtc { get; set; }

    public string? ThreatCategory { get; set; }

    public string? ThreatFamily { get; set; }

    public string? ThreatName { get; set; }

    public string? RemediationAction { get; set; }

    public bool? RemediationIsSuccess { get; set; }

    public string? Source { get; set; }

    public string? Md5 { get; set; }

    public string? Sha256 { get; set; }

    public bool? WasExecutingWhileDetected { get; set; }

    public string? UserDomain { get; set; }

    public string? LogOnUsers { get; set; }

    public string? MachineDomain { get; set; }

    public string? MachineName { get; set; }

    public string? InternalIPv4List { get; set; }

    public string? InternalIPv6List { get; set; }

    public string? FileHash { get; set; }

    public string? DeviceID { get; set; }

    public string? MachineGroup { get; set; }

    public string? Description { get; set; }

    public string? DeviceCreatedMachineTags { get; set; }

    public string? CloudCreatedMachineTags { get; set; }

    public string? CommandLine { get; set; }

    public string? IncidentLinkToWDATP { get; set; }

    public long? ReportID { get; set; }

    public string? LinkToMTP { get; set; }

    public string? IncidentLinkToMTP { get; set; }

    public string? ExternalId { get; set; }

    public string? IocUniqueId { get; set; }

    private Dictionary<string, object?>? _additionalFields;

    /// <summary>
    /// Fields the service sent that this version does not know, and known fields whose value could not be read as
    /// the documented type (kept as sent). Values are strings, numbers, booleans, null, or raw JSON text. A method,
    /// not a property, so Export-Csv and ConvertTo-Json keep the service's columns; the cmdlet also attaches each
    /// unknown field to the object as a property of its own name.
    /// </summary>
    public IReadOnlyDictionary<string, object?> GetAdditionalFields() =>
        _additionalFields ?? (IReadOnlyDictionary<string, object?>)EmptyFields;

    internal void SetAdditionalField(string name, object? value)
    {
        _additionalFields ??= new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        _additionalFields[name] = value;
    }

    private static readonly Dictionary<string, object?> EmptyFields = new();

    public override string ToString() => FullId ?? AlertId ?? base.ToString()!;
}
