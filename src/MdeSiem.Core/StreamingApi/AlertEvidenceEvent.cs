using System;
using System.Collections.Generic;
using System.Text.Json;
using MdeSiem.Core.Json;

namespace MdeSiem.Core.StreamingApi;

/// <summary>
/// A row of the AlertEvidence table as the Streaming API exports it: one entity (file, process, IP, URL, user,
/// device, mailbox, cloud resource) of an alert, columns as Microsoft documents them.
/// </summary>
public sealed class AlertEvidenceEvent : StreamingEvent
{
    // Column name -> setter; one table instead of a 40-case switch. Non-string columns have their own readers.
    private static readonly Dictionary<string, ColumnSetter> Setters = BuildSetters();

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

    internal override bool TrySetColumn(string name, ref Utf8JsonReader value, JsonStringCache repeated) =>
        Setters.TryGetValue(name, out var setter) && setter(this, ref value, repeated);

    private static Dictionary<string, ColumnSetter> BuildSetters()
    {
        var setters = new Dictionary<string, ColumnSetter>(StringComparer.Ordinal)
        {
            // Each setter assigns in its own body: a lambda handed the value to assign would be a new closure per
            // column of every record, on the Event Hubs reader's hot path.
            [nameof(Timestamp)] = (AlertEvidenceEvent e, ref Utf8JsonReader v, JsonStringCache _) =>
            {
                var readable = JsonValueReaders.TryReadUtcDateTime(ref v, out var time);
                e.Timestamp = readable ? time : e.Timestamp;
                return readable;
            },
            [nameof(FileSize)] = (AlertEvidenceEvent e, ref Utf8JsonReader v, JsonStringCache _) =>
            {
                var readable = JsonValueReaders.TryReadInt64(ref v, out var number);
                e.FileSize = readable ? number : e.FileSize;
                return readable;
            },
            [nameof(ApplicationId)] = (AlertEvidenceEvent e, ref Utf8JsonReader v, JsonStringCache _) =>
            {
                var readable = JsonValueReaders.TryReadInt32(ref v, out var number);
                e.ApplicationId = readable ? number : e.ApplicationId;
                return readable;
            },
        };

        // A string column is always readable (anything else is kept as its JSON text).
        void Text(string column, Action<AlertEvidenceEvent, string?> assign) =>
            setters[column] = (AlertEvidenceEvent e, ref Utf8JsonReader v, JsonStringCache _) =>
            {
                assign(e, JsonValueReaders.ReadText(ref v));
                return true;
            };

        // A column with a few values that repeat from record to record (the kinds, roles, sources and categories the
        // table reference lists: https://learn.microsoft.com/azure/azure-monitor/reference/tables/alertevidence):
        // a value read lately is the same string again.
        void Repeated(string column, Action<AlertEvidenceEvent, string?> assign) =>
            setters[column] = (AlertEvidenceEvent e, ref Utf8JsonReader v, JsonStringCache repeated) =>
            {
                assign(e, JsonValueReaders.ReadText(ref v, repeated));
                return true;
            };

        Text(nameof(AlertId), (e, s) => e.AlertId = s);
        Repeated(nameof(Title), (e, s) => e.Title = s);
        Repeated(nameof(Categories), (e, s) => e.Categories = s);
        Repeated(nameof(AttackTechniques), (e, s) => e.AttackTechniques = s);
        Repeated(nameof(ServiceSource), (e, s) => e.ServiceSource = s);
        Repeated(nameof(DetectionSource), (e, s) => e.DetectionSource = s);
        Repeated(nameof(EntityType), (e, s) => e.EntityType = s);
        Repeated(nameof(EvidenceRole), (e, s) => e.EvidenceRole = s);
        Repeated(nameof(EvidenceDirection), (e, s) => e.EvidenceDirection = s);
        Text(nameof(FileName), (e, s) => e.FileName = s);
        Text(nameof(FolderPath), (e, s) => e.FolderPath = s);
        Text(nameof(SHA1), (e, s) => e.SHA1 = s);
        Text(nameof(SHA256), (e, s) => e.SHA256 = s);
        Repeated(nameof(ThreatFamily), (e, s) => e.ThreatFamily = s);
        Text(nameof(RemoteIP), (e, s) => e.RemoteIP = s);
        Text(nameof(RemoteUrl), (e, s) => e.RemoteUrl = s);
        Text(nameof(AccountName), (e, s) => e.AccountName = s);
        Repeated(nameof(AccountDomain), (e, s) => e.AccountDomain = s);
        Text(nameof(AccountSid), (e, s) => e.AccountSid = s);
        Text(nameof(AccountObjectId), (e, s) => e.AccountObjectId = s);
        Text(nameof(AccountUpn), (e, s) => e.AccountUpn = s);
        Text(nameof(DeviceId), (e, s) => e.DeviceId = s);
        Text(nameof(DeviceName), (e, s) => e.DeviceName = s);
        Text(nameof(LocalIP), (e, s) => e.LocalIP = s);
        Text(nameof(NetworkMessageId), (e, s) => e.NetworkMessageId = s);
        Text(nameof(EmailSubject), (e, s) => e.EmailSubject = s);
        Repeated(nameof(Application), (e, s) => e.Application = s);
        Text(nameof(OAuthApplicationId), (e, s) => e.OAuthApplicationId = s);
        Text(nameof(ProcessCommandLine), (e, s) => e.ProcessCommandLine = s);
        Text(nameof(RegistryKey), (e, s) => e.RegistryKey = s);
        Text(nameof(RegistryValueName), (e, s) => e.RegistryValueName = s);
        Text(nameof(RegistryValueData), (e, s) => e.RegistryValueData = s);
        Text(nameof(AdditionalFields), (e, s) => e.AdditionalFields = s);
        Repeated(nameof(Severity), (e, s) => e.Severity = s);
        Text(nameof(CloudResource), (e, s) => e.CloudResource = s);
        Repeated(nameof(CloudPlatform), (e, s) => e.CloudPlatform = s);
        Repeated(nameof(ResourceType), (e, s) => e.ResourceType = s);
        Text(nameof(ResourceID), (e, s) => e.ResourceID = s);
        Text(nameof(SubscriptionId), (e, s) => e.SubscriptionId = s);
        return setters;
    }

    /// <summary>Sets one column from the reader's current value (a delegate type: Func cannot take the reader by ref).</summary>
    private delegate bool ColumnSetter(AlertEvidenceEvent target, ref Utf8JsonReader value, JsonStringCache repeated);
}
