using System;
using System.Collections.Generic;
using System.Globalization;

namespace MdeSiem.Simulator.Generation;

/// <summary>
/// Fills a <see cref="SiemRecord"/> for one alert part. Alert-level fields (id, title, machine, alert time) depend
/// only on the alert number, so every part of an alert agrees on them; evidence fields depend on the part.
/// </summary>
internal sealed class RecordComposer
{
    private readonly int seed;
    private readonly IReadOnlyList<SampleFile> files;

    public RecordComposer(int seed, IReadOnlyList<SampleFile> files)
    {
        this.seed = seed;
        this.files = files;
    }

    public SiemRecord Compose(AlertFacts alert, int part, long recordNumber, DateTime lastProcessedTimeUtc)
    {
        AlertTemplate template = alert.Template;
        SimulatedMachine machine = alert.Machine;
        ulong partHash = DeterministicHash.Of(seed, alert.Number, part, HashPurpose.Evidence);
        var record = new SiemRecord
        {
            AlertTime = alert.AlertTimeUtc,
            ComputerDnsName = machine.ComputerDnsName,
            AlertTitle = template.Title,
            Category = template.Category,
            Severity = alert.Severity,
            AlertId = alert.AlertId,
            Actor = template.Actor.Length > 0 ? template.Actor : Blank(alert.Number, part, 1),
            LinkToWDATP = alert.LinkToWDATP,
            IocName = Blank(alert.Number, part, 2),
            IocValue = Blank(alert.Number, part, 3),
            CreatorIocName = Blank(alert.Number, part, 4),
            CreatorIocValue = Blank(alert.Number, part, 5),
            IoaDefinitionId = template.IoaDefinitionId.Length > 0 ? template.IoaDefinitionId : Blank(alert.Number, part, 6),
            AlertPart = part,
            LastProcessedTimeUtc = lastProcessedTimeUtc,
            Source = template.Source,
            MachineDomain = machine.MachineDomain,
            MachineName = machine.MachineName,
            LogOnUsers = machine.LogOnUsers,
            InternalIPv4List = machine.InternalIPv4List,
            InternalIPv6List = machine.InternalIPv6List,
            DeviceID = machine.DeviceId,
            MachineGroup = machine.MachineGroup,
            Description = template.Description,
            DeviceCreatedMachineTags = machine.DeviceCreatedMachineTags,
            CloudCreatedMachineTags = machine.CloudCreatedMachineTags,
            IncidentLinkToWDATP = alert.IncidentLinkToWDATP,
            LinkToMTP = alert.LinkToMTP,
            IncidentLinkToMTP = alert.IncidentLinkToMTP,
            ReportID = 1_000_000_000L + (long)(partHash % 8_000_000_000UL),
            ExternalId = Hex.FromHash(DeterministicHash.Of(seed, recordNumber, HashPurpose.Identity), 40, upperCase: true),
            IocUniqueId = IocUniqueId(alert.Number, part),
        };
        record.FullId = record.AlertId + ":" + record.IocUniqueId;
        AddThreat(record, template, alert.Number, part);
        AddEvidence(record, template, (EvidenceKind)((alert.EvidenceOffset + part) % 4), partHash);
        return record;
    }

    private void AddThreat(SiemRecord record, AlertTemplate template, long alertNumber, int part)
    {
        if (!template.IsAntivirus)
        {
            string? blank = Blank(alertNumber, part, 7);
            record.ThreatCategory = blank;
            record.ThreatFamily = blank;
            record.ThreatName = blank;
            record.RemediationAction = Blank(alertNumber, part, 8);
            return;
        }

        ulong hash = DeterministicHash.Of(seed, alertNumber, part, HashPurpose.Remediation);
        record.ThreatCategory = template.ThreatCategory;
        record.ThreatFamily = template.ThreatFamily;
        record.ThreatName = template.ThreatName;
        record.RemediationAction = DeterministicHash.Pick(hash, SampleValues.RemediationActions);

        // The service reports success, failure, or nothing yet; clients must keep the three apart.
        record.RemediationIsSuccess = DeterministicHash.Below(hash >> 8, 5) switch
        {
            < 3 => true,
            3 => false,
            _ => null,
        };
        record.WasExecutingWhileDetected = DeterministicHash.Below(hash >> 16, 3) switch
        {
            0 => true,
            1 => false,
            _ => null,
        };
    }

    private void AddEvidence(SiemRecord record, AlertTemplate template, EvidenceKind kind, ulong hash)
    {
        SampleFile file = files[(template.FileNumber + (kind == EvidenceKind.Process ? 4 : 0)) % files.Count];
        bool hasFile = kind is EvidenceKind.File or EvidenceKind.Process || template.IsAntivirus;
        string? noValue = (hash & 0xF) == 0 ? null : "";
        (string userName, string userDomain) = DeterministicHash.Pick(hash >> 8, SampleValues.Users);

        record.FileName = hasFile ? file.FileName : noValue;
        record.FilePath = hasFile ? file.FilePath : noValue;
        record.Sha1 = hasFile ? file.Sha1 : noValue;
        record.Md5 = hasFile ? file.Md5 : noValue;
        record.Sha256 = hasFile && (hash & 0x10) == 0 ? file.Sha256 : noValue;
        record.FileHash = hasFile ? file.Sha1 : noValue;
        record.CommandLine = kind == EvidenceKind.Process ? DeterministicHash.Pick(hash >> 16, SampleValues.CommandLines) : noValue;
        record.IpAddress = kind == EvidenceKind.Network ? DeterministicHash.Pick(hash >> 24, SampleValues.RemoteAddresses) : noValue;
        record.Url = kind == EvidenceKind.Network || template.Source == "SmartScreen"
            ? DeterministicHash.Pick(hash >> 32, SampleValues.Urls)
            : noValue;
        record.UserName = kind is EvidenceKind.User or EvidenceKind.Process ? userName : noValue;
        record.UserDomain = kind is EvidenceKind.User or EvidenceKind.Process ? userDomain : noValue;

        if (template.IocName.Length > 0 && hasFile)
        {
            record.IocName = template.IocName;
            record.IocValue = file.Sha1;
            record.CreatorIocName = template.IocName;
            record.CreatorIocValue = file.Sha1;
        }
    }

    /// <summary>An empty value: usually "", sometimes null, as the service mixes both.</summary>
    private string? Blank(long alertNumber, int part, int field) =>
        DeterministicHash.Below(DeterministicHash.Of(seed, alertNumber, (part * 64) + field, HashPurpose.Blank), 6) == 0
            ? null
            : "";

    /// <summary>44 characters of base64 from 32 bytes, like the service's IocUniqueId.</summary>
    private string IocUniqueId(long alertNumber, int part)
    {
        Span<byte> bytes = stackalloc byte[32];
        ulong hash = DeterministicHash.Of(seed, alertNumber, part, HashPurpose.Identity);
        for (int i = 0; i < 4; i++)
        {
            hash = DeterministicHash.Mix(hash);
            BitConverter.TryWriteBytes(bytes.Slice(i * 8, 8), hash);
        }

        return Convert.ToBase64String(bytes);
    }

    internal static string FormatAlertId(DateTime alertTimeUtc, uint suffix) =>
        string.Create(CultureInfo.InvariantCulture, $"da{alertTimeUtc.Ticks}_{suffix}");
}
