using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MdeSiem.Simulator;

/// <summary>
/// Writes records in the SIEM API's wire format: the documented sample's field order, nulls written as null,
/// timestamps in round-trip form with trailing zeros of the fraction trimmed and a Z ("2020-09-30T14:09:20.35743Z").
/// Both the API and the alerts file use it, so a file and a response for the same range are byte-identical.
/// </summary>
public static class SiemRecordWriter
{
    private static readonly JsonEncodedText AlertTime = JsonEncodedText.Encode("AlertTime");
    private static readonly JsonEncodedText ComputerDnsName = JsonEncodedText.Encode("ComputerDnsName");
    private static readonly JsonEncodedText AlertTitle = JsonEncodedText.Encode("AlertTitle");
    private static readonly JsonEncodedText Category = JsonEncodedText.Encode("Category");
    private static readonly JsonEncodedText Severity = JsonEncodedText.Encode("Severity");
    private static readonly JsonEncodedText AlertId = JsonEncodedText.Encode("AlertId");
    private static readonly JsonEncodedText Actor = JsonEncodedText.Encode("Actor");
    private static readonly JsonEncodedText LinkToWDATP = JsonEncodedText.Encode("LinkToWDATP");
    private static readonly JsonEncodedText IocName = JsonEncodedText.Encode("IocName");
    private static readonly JsonEncodedText IocValue = JsonEncodedText.Encode("IocValue");
    private static readonly JsonEncodedText CreatorIocName = JsonEncodedText.Encode("CreatorIocName");
    private static readonly JsonEncodedText CreatorIocValue = JsonEncodedText.Encode("CreatorIocValue");
    private static readonly JsonEncodedText Sha1 = JsonEncodedText.Encode("Sha1");
    private static readonly JsonEncodedText FileName = JsonEncodedText.Encode("FileName");
    private static readonly JsonEncodedText FilePath = JsonEncodedText.Encode("FilePath");
    private static readonly JsonEncodedText IpAddress = JsonEncodedText.Encode("IpAddress");
    private static readonly JsonEncodedText Url = JsonEncodedText.Encode("Url");
    private static readonly JsonEncodedText IoaDefinitionId = JsonEncodedText.Encode("IoaDefinitionId");
    private static readonly JsonEncodedText UserName = JsonEncodedText.Encode("UserName");
    private static readonly JsonEncodedText AlertPart = JsonEncodedText.Encode("AlertPart");
    private static readonly JsonEncodedText FullId = JsonEncodedText.Encode("FullId");
    private static readonly JsonEncodedText LastProcessedTimeUtc = JsonEncodedText.Encode("LastProcessedTimeUtc");
    private static readonly JsonEncodedText ThreatCategory = JsonEncodedText.Encode("ThreatCategory");
    private static readonly JsonEncodedText ThreatFamily = JsonEncodedText.Encode("ThreatFamily");
    private static readonly JsonEncodedText ThreatName = JsonEncodedText.Encode("ThreatName");
    private static readonly JsonEncodedText RemediationAction = JsonEncodedText.Encode("RemediationAction");
    private static readonly JsonEncodedText RemediationIsSuccess = JsonEncodedText.Encode("RemediationIsSuccess");
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("Source");
    private static readonly JsonEncodedText Md5 = JsonEncodedText.Encode("Md5");
    private static readonly JsonEncodedText Sha256 = JsonEncodedText.Encode("Sha256");
    private static readonly JsonEncodedText WasExecutingWhileDetected = JsonEncodedText.Encode("WasExecutingWhileDetected");
    private static readonly JsonEncodedText UserDomain = JsonEncodedText.Encode("UserDomain");
    private static readonly JsonEncodedText LogOnUsers = JsonEncodedText.Encode("LogOnUsers");
    private static readonly JsonEncodedText MachineDomain = JsonEncodedText.Encode("MachineDomain");
    private static readonly JsonEncodedText MachineName = JsonEncodedText.Encode("MachineName");
    private static readonly JsonEncodedText InternalIPv4List = JsonEncodedText.Encode("InternalIPv4List");
    private static readonly JsonEncodedText InternalIPv6List = JsonEncodedText.Encode("InternalIPv6List");
    private static readonly JsonEncodedText FileHash = JsonEncodedText.Encode("FileHash");
    private static readonly JsonEncodedText DeviceID = JsonEncodedText.Encode("DeviceID");
    private static readonly JsonEncodedText MachineGroup = JsonEncodedText.Encode("MachineGroup");
    private static readonly JsonEncodedText Description = JsonEncodedText.Encode("Description");
    private static readonly JsonEncodedText DeviceCreatedMachineTags = JsonEncodedText.Encode("DeviceCreatedMachineTags");
    private static readonly JsonEncodedText CloudCreatedMachineTags = JsonEncodedText.Encode("CloudCreatedMachineTags");
    private static readonly JsonEncodedText CommandLine = JsonEncodedText.Encode("CommandLine");
    private static readonly JsonEncodedText IncidentLinkToWDATP = JsonEncodedText.Encode("IncidentLinkToWDATP");
    private static readonly JsonEncodedText ReportID = JsonEncodedText.Encode("ReportID");
    private static readonly JsonEncodedText LinkToMTP = JsonEncodedText.Encode("LinkToMTP");
    private static readonly JsonEncodedText IncidentLinkToMTP = JsonEncodedText.Encode("IncidentLinkToMTP");
    private static readonly JsonEncodedText ExternalId = JsonEncodedText.Encode("ExternalId");
    private static readonly JsonEncodedText IocUniqueId = JsonEncodedText.Encode("IocUniqueId");

    /// <summary>
    /// Compact output; non-ASCII letters and '&amp;' written as themselves (the service does not \u-escape them), so
    /// clients must decode UTF-8 properly. Validation is skipped because the writer's calls are fixed.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    /// <summary>Writes a whole JSON array of records to a stream.</summary>
    public static void WriteArray(Stream stream, IEnumerable<SiemRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        writer.WriteStartArray();
        foreach (SiemRecord record in records)
        {
            WriteRecord(writer, record);

            // Keep the writer's buffer small for a million records.
            if (writer.BytesPending > 64 * 1024)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
        writer.Flush();
    }

    public static void WriteRecord(Utf8JsonWriter writer, SiemRecord record)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(record);
        writer.WriteStartObject();
        writer.WriteString(AlertTime, record.AlertTime);
        writer.WriteString(ComputerDnsName, record.ComputerDnsName);
        writer.WriteString(AlertTitle, record.AlertTitle);
        writer.WriteString(Category, record.Category);
        writer.WriteString(Severity, record.Severity);
        writer.WriteString(AlertId, record.AlertId);
        writer.WriteString(Actor, record.Actor);
        writer.WriteString(LinkToWDATP, record.LinkToWDATP);
        writer.WriteString(IocName, record.IocName);
        writer.WriteString(IocValue, record.IocValue);
        writer.WriteString(CreatorIocName, record.CreatorIocName);
        writer.WriteString(CreatorIocValue, record.CreatorIocValue);
        writer.WriteString(Sha1, record.Sha1);
        writer.WriteString(FileName, record.FileName);
        writer.WriteString(FilePath, record.FilePath);
        writer.WriteString(IpAddress, record.IpAddress);
        writer.WriteString(Url, record.Url);
        writer.WriteString(IoaDefinitionId, record.IoaDefinitionId);
        writer.WriteString(UserName, record.UserName);
        writer.WriteNumber(AlertPart, record.AlertPart);
        writer.WriteString(FullId, record.FullId);
        writer.WriteString(LastProcessedTimeUtc, record.LastProcessedTimeUtc);
        writer.WriteString(ThreatCategory, record.ThreatCategory);
        writer.WriteString(ThreatFamily, record.ThreatFamily);
        writer.WriteString(ThreatName, record.ThreatName);
        writer.WriteString(RemediationAction, record.RemediationAction);
        WriteNullableBoolean(writer, RemediationIsSuccess, record.RemediationIsSuccess);
        writer.WriteString(Source, record.Source);
        writer.WriteString(Md5, record.Md5);
        writer.WriteString(Sha256, record.Sha256);
        WriteNullableBoolean(writer, WasExecutingWhileDetected, record.WasExecutingWhileDetected);
        writer.WriteString(UserDomain, record.UserDomain);
        writer.WriteString(LogOnUsers, record.LogOnUsers);
        writer.WriteString(MachineDomain, record.MachineDomain);
        writer.WriteString(MachineName, record.MachineName);
        writer.WriteString(InternalIPv4List, record.InternalIPv4List);
        writer.WriteString(InternalIPv6List, record.InternalIPv6List);
        writer.WriteString(FileHash, record.FileHash);
        writer.WriteString(DeviceID, record.DeviceID);
        writer.WriteString(MachineGroup, record.MachineGroup);
        writer.WriteString(Description, record.Description);
        writer.WriteString(DeviceCreatedMachineTags, record.DeviceCreatedMachineTags);
        writer.WriteString(CloudCreatedMachineTags, record.CloudCreatedMachineTags);
        writer.WriteString(CommandLine, record.CommandLine);
        writer.WriteString(IncidentLinkToWDATP, record.IncidentLinkToWDATP);
        writer.WriteNumber(ReportID, record.ReportID);
        writer.WriteString(LinkToMTP, record.LinkToMTP);
        writer.WriteString(IncidentLinkToMTP, record.IncidentLinkToMTP);
        writer.WriteString(ExternalId, record.ExternalId);
        writer.WriteString(IocUniqueId, record.IocUniqueId);
        writer.WriteEndObject();
    }

    private static void WriteNullableBoolean(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value is { } known)
        {
            writer.WriteBoolean(name, known);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
