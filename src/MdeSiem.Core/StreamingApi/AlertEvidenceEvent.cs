using System;
using System.Text.Json;
using MdeSiem.Core.Json;

namespace MdeSiem.Core.StreamingApi;

/// <summary>
/// A row of the AlertEvidence table as the Streaming API exports it: one entity (file, process, IP, URL, user,
/// device, mailbox, cloud resource) of an alert, columns as Microsoft documents them.
/// </summary>
public sealed class AlertEvidenceEvent : StreamingEvent
{
    public DateTime? Timestamp { get; private set; }

    public string? AlertId { get; private set; }

    public string? Title { get; private set; }

    /// <summary>Categories of the information, as the service writes them (a JSON array in text).</summary>
    public string? Categories { get; private set; }

    public string? AttackTechniques { get; private set; }

    public string? ServiceSource { get; private set; }

    public string? DetectionSource { get; private set; }

    /// <summary>File, Process, Machine, User, Ip, Url, MailMessage, ...</summary>
    public string? EntityType { get; private set; }

    /// <summary>Impacted or Related.</summary>
    public string? EvidenceRole { get; private set; }

    public string? EvidenceDirection { get; private set; }

    public string? FileName { get; private set; }

    public string? FolderPath { get; private set; }

    public string? SHA1 { get; private set; }

    public string? SHA256 { get; private set; }

    public long? FileSize { get; private set; }

    public string? ThreatFamily { get; private set; }

    public string? RemoteIP { get; private set; }

    public string? RemoteUrl { get; private set; }

    public string? AccountName { get; private set; }

    public string? AccountDomain { get; private set; }

    public string? AccountSid { get; private set; }

    public string? AccountObjectId { get; private set; }

    public string? AccountUpn { get; private set; }

    public string? DeviceId { get; private set; }

    public string? DeviceName { get; private set; }

    public string? LocalIP { get; private set; }

    public string? NetworkMessageId { get; private set; }

    public string? EmailSubject { get; private set; }

    public string? Application { get; private set; }

    public int? ApplicationId { get; private set; }

    public string? OAuthApplicationId { get; private set; }

    public string? ProcessCommandLine { get; private set; }

    public string? RegistryKey { get; private set; }

    public string? RegistryValueName { get; private set; }

    public string? RegistryValueData { get; private set; }

    /// <summary>More about the entity, as the service writes it (JSON in text).</summary>
    public string? AdditionalFields { get; private set; }

    public string? Severity { get; private set; }

    public string? CloudResource { get; private set; }

    public string? CloudPlatform { get; private set; }

    public string? ResourceType { get; private set; }

    public string? ResourceID { get; private set; }

    public string? SubscriptionId { get; private set; }

    // A string column is always readable (anything else is kept as its JSON text). The columns with a few values that
    // repeat from record to record (the kinds, roles, sources and categories the table reference lists:
    // https://learn.microsoft.com/azure/azure-monitor/reference/tables/alertevidence) are read through the values
    // cache, the ids and paths as new strings. A time or number that does not read as one is left to the caller,
    // which keeps it as an additional property.
    internal override bool TrySetColumn(string name, ref Utf8JsonReader value, JsonStringCache repeated)
    {
        switch (name)
        {
            case nameof(Timestamp):
                if (!JsonValueReaders.TryReadUtcDateTime(ref value, out var time))
                {
                    return false;
                }

                Timestamp = time;
                return true;
            case nameof(FileSize):
                if (!JsonValueReaders.TryReadInt64(ref value, out var size))
                {
                    return false;
                }

                FileSize = size;
                return true;
            case nameof(ApplicationId):
                if (!JsonValueReaders.TryReadInt32(ref value, out var applicationId))
                {
                    return false;
                }

                ApplicationId = applicationId;
                return true;
            case nameof(AlertId):
                AlertId = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(Title):
                Title = JsonValueReaders.ReadText(ref value, repeated);
                return true;
            case nameof(Categories):
                Categories = JsonValueReaders.ReadText(ref value, repeated);
                return true;
            case nameof(AttackTechniques):
                AttackTechniques = JsonValueReaders.ReadText(ref value, repeated);
                return true;
            case nameof(ServiceSource):
                ServiceSource = JsonValueReaders.ReadText(ref value, repeated);
                return true;
            case nameof(DetectionSource):
                DetectionSource = JsonValueReaders.ReadText(ref value, repeated);
                return true;
            case nameof(EntityType):
                EntityType = JsonValueReaders.ReadText(ref value, repeated);
                return true;
            case nameof(EvidenceRole):
                EvidenceRole = JsonValueReaders.ReadText(ref value, repeated);
                return true;
            case nameof(EvidenceDirection):
                EvidenceDirection = JsonValueReaders.ReadText(ref value, repeated);
                return true;
            case nameof(FileName):
                FileName = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(FolderPath):
                FolderPath = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(SHA1):
                SHA1 = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(SHA256):
                SHA256 = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(ThreatFamily):
                ThreatFamily = JsonValueReaders.ReadText(ref value, repeated);
                return true;
            case nameof(RemoteIP):
                RemoteIP = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(RemoteUrl):
                RemoteUrl = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(AccountName):
                AccountName = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(AccountDomain):
                AccountDomain = JsonValueReaders.ReadText(ref value, repeated);
                return true;
            case nameof(AccountSid):
                AccountSid = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(AccountObjectId):
                AccountObjectId = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(AccountUpn):
                AccountUpn = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(DeviceId):
                DeviceId = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(DeviceName):
                DeviceName = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(LocalIP):
                LocalIP = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(NetworkMessageId):
                NetworkMessageId = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(EmailSubject):
                EmailSubject = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(Application):
                Application = JsonValueReaders.ReadText(ref value, repeated);
                return true;
            case nameof(OAuthApplicationId):
                OAuthApplicationId = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(ProcessCommandLine):
                ProcessCommandLine = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(RegistryKey):
                RegistryKey = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(RegistryValueName):
                RegistryValueName = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(RegistryValueData):
                RegistryValueData = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(AdditionalFields):
                AdditionalFields = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(Severity):
                Severity = JsonValueReaders.ReadText(ref value, repeated);
                return true;
            case nameof(CloudResource):
                CloudResource = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(CloudPlatform):
                CloudPlatform = JsonValueReaders.ReadText(ref value, repeated);
                return true;
            case nameof(ResourceType):
                ResourceType = JsonValueReaders.ReadText(ref value, repeated);
                return true;
            case nameof(ResourceID):
                ResourceID = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(SubscriptionId):
                SubscriptionId = JsonValueReaders.ReadText(ref value);
                return true;
            default:
                return false;
        }
    }
}
