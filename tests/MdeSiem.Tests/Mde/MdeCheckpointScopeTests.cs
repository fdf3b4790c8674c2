using System;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Mde;
using MdeSiem.Tests.Checkpoints;
using Xunit;

namespace MdeSiem.Tests.Mde;

/// <summary>What a checkpointed Defender for Endpoint alerts or Defender XDR incidents pull writes into its checkpoint; expected values written by hand.</summary>
public sealed class MdeCheckpointScopeTests : IDisposable
{
    private static readonly DateTime Updated = new(2026, 11, 25, 4, 30, 1, DateTimeKind.Utc);

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void An_alerts_pull_is_the_MdeAlerts_api_scoped_by_its_filter()
    {
        var query = new MdeAlertQuery { AssignedTo = "secops@contoso.com", IncludeEvidence = true, Top = 50 };
        query.Severities.Add(MdeAlertSeverity.High);

        var scope = MdeCheckpointScope.ForAlerts(query);

        Assert.Equal("MdeAlerts", scope.Api);
        Assert.Equal("filter=severity eq 'High' and assignedTo eq 'secops@contoso.com'", scope.Description);
    }

    [Fact]
    public void Evidence_page_size_and_no_filter_do_not_change_an_alerts_scope_but_another_filter_does()
    {
        var plain = MdeCheckpointScope.ForAlerts(new MdeAlertQuery());
        var withEvidence = MdeCheckpointScope.ForAlerts(new MdeAlertQuery { IncludeEvidence = true, Top = 10 });
        var filtered = MdeCheckpointScope.ForAlerts(new MdeAlertQuery { IncidentId = 7 });

        Assert.Equal("filter=", plain.Description);
        Assert.Equal(plain.Description, withEvidence.Description);
        Assert.Equal("filter=incidentId eq 7", filtered.Description);
    }

    [Fact]
    public void An_alert_is_keyed_by_id_and_last_update_so_each_version_is_its_own_record()
    {
        var scope = MdeCheckpointScope.ForAlerts(new MdeAlertQuery());
        var alert = new MdeAlert { Id = "da638000000000000000_-1", LastUpdateTime = Updated };
        var updated = new MdeAlert { Id = alert.Id, LastUpdateTime = Updated.AddTicks(1) };

        Assert.Equal("da638000000000000000_-1|2026-11-25T04:30:01.0000000Z", scope.KeyOf(alert));
        Assert.Equal("da638000000000000000_-1|2026-11-25T04:30:01.0000001Z", scope.KeyOf(updated));
        Assert.Equal(Updated, scope.TimeOf(alert));
    }

    [Fact]
    public void An_incidents_pull_is_the_XdrIncidents_api_keyed_by_incident_id_and_last_update()
    {
        var query = new MdeIncidentQuery();
        query.Statuses.Add(MdeIncidentStatus.Active);

        var scope = MdeCheckpointScope.ForIncidents(query);

        Assert.Equal("XdrIncidents", scope.Api);
        Assert.Equal("filter=status eq 'Active'", scope.Description);
        Assert.Equal("924565|2026-11-25T04:30:01.0000000Z", scope.KeyOf(new MdeIncident { IncidentId = 924565, LastUpdateTime = Updated }));
        Assert.Equal(Updated, scope.TimeOf(new MdeIncident { IncidentId = 924565, LastUpdateTime = Updated }));
    }

    [Theory]
    [InlineData("GraphAlerts", "MdeAlerts")]
    [InlineData("MdeAlerts", "XdrIncidents")]
    [InlineData("XdrIncidents", "GraphIncidents")]
    [InlineData("SiemAlerts", "MdeAlerts")]
    public void A_checkpoint_of_another_api_is_refused_with_CheckpointMismatch(string writtenBy, string readBy)
    {
        var path = _folder.File("other.json");
        using (var run = CheckpointRun.Begin(path, writtenBy, "tenant", "filter=", new CheckpointOptions(), null, Updated))
        {
            run.Commit();
        }

        var failure = Assert.Throws<MdeSiemException>(() => CheckpointRun.Begin(path, readBy, "tenant", "filter=", new CheckpointOptions(), null, Updated));

        Assert.Equal(ErrorCode.CheckpointMismatch, failure.Code);
    }
}
