using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Graph;
using Xunit;

namespace MdeSiem.Tests.Graph;

/// <summary>
/// The module's Graph enums against the v1.0 metadata (Fixtures/graph-v1-security-enums.json, copied from
/// microsoftgraph/msgraph-metadata): the same members, the prose spellings of the alert page read as the metadata's,
/// and only the metadata's names sent.
/// </summary>
public sealed class GraphEnumTests
{
    public static IEnumerable<object[]> ModuleEnums() => new[]
    {
        new object[] { typeof(AlertClassification), "alertClassification" },
        new object[] { typeof(AlertDetermination), "alertDetermination" },
        new object[] { typeof(AlertStatus), "alertStatus" },
        new object[] { typeof(AlertSeverity), "alertSeverity" },
        new object[] { typeof(ServiceSource), "serviceSource" },
        new object[] { typeof(DetectionSource), "detectionSource" },
        new object[] { typeof(IncidentStatus), "incidentStatus" },
        new object[] { typeof(InvestigationState), "investigationState" },
        new object[] { typeof(EvidenceVerdict), "evidenceVerdict" },
        new object[] { typeof(EvidenceRemediationStatus), "evidenceRemediationStatus" },
    };

    internal static IReadOnlyList<string> MetadataMembers(string enumName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Graph", "Fixtures", "graph-v1-security-enums.json")));
        return document.RootElement.GetProperty("enums").GetProperty(enumName).EnumerateArray().Select(member => member.GetString()!).ToList();
    }

    [Theory]
    [MemberData(nameof(ModuleEnums))]
    public void Each_enum_has_the_metadata_members_in_the_metadata_order(Type enumType, string metadataName)
    {
        var wireNames = Enum.GetNames(enumType).Select(name => char.ToLowerInvariant(name[0]) + name.Substring(1));

        Assert.Equal(MetadataMembers(metadataName), wireNames);
    }

    [Theory]
    [InlineData("confirmedUserActivity", AlertDetermination.ConfirmedActivity)]
    [InlineData("compromisedUser", AlertDetermination.CompromisedAccount)]
    [InlineData("clean", AlertDetermination.NotMalicious)]
    [InlineData("insufficientData", AlertDetermination.NotEnoughDataToValidate)]
    [InlineData("confirmedActivity", AlertDetermination.ConfirmedActivity)]
    [InlineData("MultiStagedAttack", AlertDetermination.MultiStagedAttack)]
    public void The_alert_pages_prose_names_read_as_the_metadata_members(string wire, AlertDetermination expected)
    {
        var alert = new DefenderAlert { DeterminationValue = wire };

        Assert.Equal(expected, alert.Determination);
        Assert.Equal(wire, alert.DeterminationValue);
    }

    [Fact]
    public void The_alertEvidence_pages_notRemediated_reads_as_unremediated()
    {
        using var document = JsonDocument.Parse("{\"@odata.type\":\"#microsoft.graph.security.fileEvidence\",\"verdict\":\"malicious\",\"remediationStatus\":\"notRemediated\"}");

        var evidence = GraphObjectBinder.Bind<FileEvidence>(document.RootElement);

        Assert.Equal(EvidenceRemediationStatus.Unremediated, evidence.RemediationStatus);
        Assert.Equal("notRemediated", evidence.RemediationStatusValue);
        Assert.Equal(EvidenceVerdict.Malicious, evidence.Verdict);
    }

    [Fact]
    public void BenignPositive_reads_as_informationalExpectedActivity()
    {
        Assert.Equal(AlertClassification.InformationalExpectedActivity, new DefenderIncident { ClassificationValue = "benignPositive" }.Classification);
    }

    [Fact]
    public void An_update_sends_the_metadata_name_of_a_determination()
    {
        var body = new GraphAlertUpdate { Determination = AlertDetermination.ConfirmedActivity }.ToPatchJson();

        using var document = JsonDocument.Parse(body);
        var sent = document.RootElement.GetProperty("determination").GetString();
        Assert.Contains(sent, MetadataMembers("alertDetermination"));
        Assert.Equal("confirmedActivity", sent);
    }

    [Theory]
    [InlineData("Status", "Unknown")]
    [InlineData("Status", "UnknownFutureValue")]
    [InlineData("Classification", "Unknown")]
    [InlineData("Classification", "UnknownFutureValue")]
    [InlineData("Determination", "Unknown")]
    [InlineData("Determination", "UnknownFutureValue")]
    public void An_update_to_Unknown_or_the_sentinel_is_an_InvalidArgument(string property, string member)
    {
        var update = new GraphAlertUpdate();
        var target = typeof(GraphAlertUpdate).GetProperty(property)!;
        target.SetValue(update, Enum.Parse(Nullable.GetUnderlyingType(target.PropertyType)!, member));

        var failure = Assert.Throws<MdeSiemException>(() => update.Validate());

        Assert.Equal(ErrorCode.InvalidArgument, failure.Code);
        Assert.Equal(member, failure.Target?.ToString());
        Assert.Throws<MdeSiemException>(() => update.ToPatchJson());
    }
}
