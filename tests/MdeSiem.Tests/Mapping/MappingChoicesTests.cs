using System;
using System.Linq;
using System.Threading.Tasks;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Mapping;
using MdeSiem.Core.Siem;
using MdeSiem.Tests.Forwarding;
using MdeSiem.Tests.Graph;
using Xunit;

namespace MdeSiem.Tests.Mapping;

/// <summary>
/// The values ConvertTo-GraphAlert chooses where the SIEM field has no obvious Graph member: only members the
/// alertEvidence page defines with that meaning (never the unknownFutureValue sentinel), else the property left empty
/// and the SIEM value reported as unmapped (docs/siem-to-graph-mapping.md, "How the module reads the rows").
/// </summary>
public sealed class MappingChoicesTests
{
    private static MdeSiemAlert Record(Action<MdeSiemAlert> change)
    {
        var record = new MdeSiemAlert
        {
            AlertId = "da637000000000000009_1",
            AlertTime = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc),
            Severity = "Medium",
            FileName = "evil.exe",
            FilePath = @"C:\Temp",
            Sha1 = "4a5ee3eb4d3e2d8f77a1d0c8f1a2b3c4d5e6f708",
        };
        change(record);
        return record;
    }

    private static (FileEvidence File, System.Collections.Generic.IReadOnlyDictionary<string, object?> Unmapped) Convert(Action<MdeSiemAlert> change)
    {
        var conversion = SiemToGraphMapper.Map(new[] { Record(change) });
        return (conversion.Alert.Evidence.OfType<FileEvidence>().Single(), conversion.UnmappedFields);
    }

    [Fact]
    public void A_failed_remediation_is_not_notFound_but_no_status_and_is_reported()
    {
        var (file, unmapped) = Convert(r => { r.RemediationAction = "quarantine"; r.RemediationIsSuccess = false; });

        Assert.Null(file.RemediationStatusValue);
        Assert.Equal("quarantine", file.RemediationStatusDetails);
        Assert.Equal(false, unmapped["RemediationIsSuccess"]);
    }

    [Fact]
    public void An_action_without_a_result_is_not_the_sentinel_but_details_only()
    {
        var (file, unmapped) = Convert(r => r.RemediationAction = "quarantine");

        Assert.Null(file.RemediationStatusValue);
        Assert.Equal("quarantine", file.RemediationStatusDetails);
        Assert.False(unmapped.ContainsKey("RemediationIsSuccess"));
    }

    [Fact]
    public void A_successful_remediation_is_remediated()
    {
        var (file, _) = Convert(r => { r.RemediationAction = "quarantine"; r.RemediationIsSuccess = true; });

        Assert.Equal("remediated", file.RemediationStatusValue);
    }

    [Fact]
    public void Not_executing_is_not_prevented_but_no_detection_status_and_is_reported()
    {
        var (file, unmapped) = Convert(r => r.WasExecutingWhileDetected = false);

        Assert.Null(file.DetectionStatus);
        Assert.Equal(false, unmapped["WasExecutingWhileDetected"]);
    }

    [Theory]
    [InlineData("Critical")]
    [InlineData("UnSpecified")]
    [InlineData("5")]
    public void A_severity_outside_the_four_is_unknown_and_reported(string severity)
    {
        var conversion = SiemToGraphMapper.Map(new[] { Record(r => r.Severity = severity) });

        Assert.Equal("unknown", conversion.Alert.SeverityValue);
        Assert.Equal(severity, conversion.UnmappedFields["Severity"]);
    }

    [Fact]
    public async Task Every_status_written_for_the_simulated_records_is_a_metadata_member_and_never_the_sentinel()
    {
        var remediation = GraphEnumTests.MetadataMembers("evidenceRemediationStatus").Where(member => member != "unknownFutureValue").ToList();
        var detection = GraphEnumTests.MetadataMembers("detectionStatus").Where(member => member != "unknownFutureValue").ToList();
        var records = (await ForwardingRecords.GeneratedAsync(3000)).Select(pair => pair.Alert).ToList();

        var evidence = records.GroupBy(record => record.AlertId).SelectMany(parts => SiemToGraphMapper.Map(parts.ToList()).Alert.Evidence).ToList();

        Assert.Contains(records, record => record.RemediationIsSuccess == false);
        Assert.Contains(records, record => record.WasExecutingWhileDetected == false);
        Assert.All(evidence.Where(e => e.RemediationStatusValue is not null), e => Assert.Contains(e.RemediationStatusValue, remediation));
        Assert.All(evidence.OfType<FileEvidence>().Where(e => e.DetectionStatus is not null), e => Assert.Contains(e.DetectionStatus, detection));
        Assert.All(evidence.OfType<ProcessEvidence>().Where(e => e.DetectionStatus is not null), e => Assert.Contains(e.DetectionStatus, detection));
        Assert.DoesNotContain(evidence, e => e.RemediationStatusValue is "notFound" || (e as FileEvidence)?.DetectionStatus == "prevented" || (e as ProcessEvidence)?.DetectionStatus == "prevented");
    }
}
