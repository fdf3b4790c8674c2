using System;
using System.Collections.Generic;
using Azure.Core;
using MdeSiem.Core.Output;
using MdeSiem.Core.StreamingApi;
using MdeSiem.Tests.Checkpoints;
using Xunit;

namespace MdeSiem.Tests.StreamingApi;

/// <summary>The storage export's checkpoint as -OutFile's checkpoint, and the blob request log.</summary>
public sealed class StreamCheckpointOutFileTests
{
    private static readonly DateTime Hour = new(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_journaled_line_moves_its_blob_position_and_the_lengths_are_saved_with_the_checkpoint()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("s.json");
        var blob = StreamingBlobPath.For("t", Hour);
        using (var run = StreamCheckpointRun.Begin(path, "t", "scope", TimeSpan.FromHours(2)))
        {
            IOutFileCheckpoint checkpoint = run;
            checkpoint.AdoptDelivered(new JournalEntry("out.jsonl", 120, blob + "#300", null));
            checkpoint.AdoptDelivered(new JournalEntry("out.jsonl", 60, blob + "#150", null));
            Assert.Equal(300, run.Positions[blob]);
            checkpoint.RecordOutputs(new Dictionary<string, long> { ["out.jsonl"] = 120 });
            run.SaveProgress();
        }

        using var next = StreamCheckpointRun.Begin(path, "t", "scope", TimeSpan.FromHours(2));
        Assert.Equal(300, next.Positions[blob]);
        Assert.Equal(120, next.CoveredOutputs["out.jsonl"]);
    }

    [Theory]
    [InlineData("https://contoso.blob.core.windows.net/insights-logs-advancedhunting-alertinfo?sv=2024-11-04&sr=c&sig=c2VjcmV0", "https://contoso.blob.core.windows.net/insights-logs-advancedhunting-alertinfo")]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1/c/blob.json?comp=list&sig=c2VjcmV0", "http://127.0.0.1:10000/devstoreaccount1/c/blob.json")]
    public void The_request_log_names_the_blob_without_its_query(string requested, string logged)
    {
        var uri = new RequestUriBuilder();
        uri.Reset(new Uri(requested));
        Assert.Equal(logged, StorageRequestLogPolicy.Describe(uri));
    }
}
