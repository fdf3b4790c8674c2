using System;
using System.Collections.Generic;
using MdeSiem.Core.Errors;
using MdeSiem.Core.EventHubs;
using MdeSiem.Core.Output;
using MdeSiem.Tests.Checkpoints;
using Xunit;

namespace MdeSiem.Tests.EventHubs;

/// <summary>The single consumer's hub checkpoint: events, records inside an event, and what -OutFile's journal adopts.</summary>
public sealed class HubCheckpointRunTests
{
    private static readonly EventHubTarget Target =
        EventHubTarget.ForConnectionString("Endpoint=sb://unit.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=bm90LWEta2V5;EntityPath=hub", null, null);

    [Fact]
    public void A_run_stopped_inside_an_event_keeps_how_many_of_its_records_went_out()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("hub.json");
        using (var run = HubCheckpointRun.Begin(path, "t", Target, null, TimeSpan.FromHours(2)))
        {
            run.MarkDelivered("0", 41);
            // Records 0 and 1 of event 42 went down the pipeline, then the pipeline stopped.
            IOutFileCheckpoint journaled = run;
            journaled.AdoptDelivered(new JournalEntry("f", 10, "0/42/0/-", null));
            journaled.AdoptDelivered(new JournalEntry("f", 20, "0/42/1/-", null));
            run.Commit();
        }

        using (var next = HubCheckpointRun.Begin(path, "t", Target, null, TimeSpan.FromHours(2)))
        {
            Assert.Equal(new Dictionary<string, long> { ["0"] = 42 }, next.NextSequenceNumbers);
            Assert.Equal(new Dictionary<string, int> { ["0"] = 2 }, next.RecordsDeliveredOfNext);
            // The event's last record: the partition moves on and the count goes.
            ((IOutFileCheckpoint)next).AdoptDelivered(new JournalEntry("f", 30, "0/42/2/e", null));
            next.Commit();
        }

        using var third = HubCheckpointRun.Begin(path, "t", Target, null, TimeSpan.FromHours(2));
        Assert.Equal(43, third.NextSequenceNumbers["0"]);
        Assert.Empty(third.RecordsDeliveredOfNext);
    }

    [Fact]
    public void A_record_of_a_partition_never_read_makes_its_event_the_next_one()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("hub.json");
        using (var run = HubCheckpointRun.Begin(path, "t", Target, null, TimeSpan.FromHours(2)))
        {
            ((IOutFileCheckpoint)run).AdoptDelivered(new JournalEntry("f", 10, "3/7/0/-", null));
            run.RecordOutputs(new Dictionary<string, long> { ["f"] = 10 });
            run.Commit();
        }

        using var next = HubCheckpointRun.Begin(path, "t", Target, null, TimeSpan.FromHours(2));
        Assert.Equal(7, next.NextSequenceNumbers["3"]);
        Assert.Equal(1, next.RecordsDeliveredOfNext["3"]);
        Assert.Equal(10, next.CoveredOutputs["f"]);
    }

    [Fact]
    public void An_earlier_sequence_number_never_moves_a_partition_back()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("hub.json");
        using (var run = HubCheckpointRun.Begin(path, "t", Target, null, TimeSpan.FromHours(2)))
        {
            run.MarkDelivered("1", 100);
            ((IOutFileCheckpoint)run).AdoptDelivered(new JournalEntry("f", 10, "1/90/0/-", null));
            run.Commit();
        }

        using var next = HubCheckpointRun.Begin(path, "t", Target, null, TimeSpan.FromHours(2));
        Assert.Equal(101, next.NextSequenceNumbers["1"]);
        Assert.Empty(next.RecordsDeliveredOfNext);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("AlertEvidence")]
    public void A_checkpoint_of_one_table_is_refused_to_a_run_of_another_table_or_of_every_table(string? otherTable)
    {
        // The AlertInfo run moved partition 0 past event 41 and with it past that event's AlertEvidence records.
        using var folder = new TemporaryFolder();
        var path = folder.File("hub.json");
        using (var run = HubCheckpointRun.Begin(path, "t", Target, "AlertInfo", TimeSpan.FromHours(2)))
        {
            run.MarkDelivered("0", 41);
            run.Commit();
        }

        var refused = Assert.Throws<MdeSiemException>(() => HubCheckpointRun.Begin(path, "t", Target, otherTable, TimeSpan.FromHours(2)));
        Assert.Equal(ErrorCode.CheckpointMismatch, refused.Code);

        // The same table, however it is spelled, goes on from where it stopped.
        using var same = HubCheckpointRun.Begin(path, "t", Target, "alertinfo", TimeSpan.FromHours(2));
        Assert.Equal(42, same.NextSequenceNumbers["0"]);
    }

    [Fact]
    public void A_checkpoint_of_every_table_is_refused_to_a_run_of_one_table()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("hub.json");
        using (var run = HubCheckpointRun.Begin(path, "t", Target, null, TimeSpan.FromHours(2)))
        {
            run.MarkDelivered("0", 41);
            run.Commit();
        }

        var refused = Assert.Throws<MdeSiemException>(() => HubCheckpointRun.Begin(path, "t", Target, "AlertInfo", TimeSpan.FromHours(2)));
        Assert.Equal(ErrorCode.CheckpointMismatch, refused.Code);
    }
}
