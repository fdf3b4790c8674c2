using System;
using System.Collections.Generic;
using System.IO;
using MdeSiem.Core.Output;
using MdeSiem.Output;
using MdeSiem.Tests.Checkpoints;
using Xunit;

namespace MdeSiem.Tests.Output;

/// <summary>The session over the -OutFile writer: the CSV header of a file a killed run left.</summary>
public class OutFileSessionTests
{
    [Fact]
    public void A_csv_header_a_killed_run_tore_is_cut_off_before_the_next_run_reads_the_header()
    {
        using var folder = new TemporaryFolder();
        var file = folder.File("out.csv");
        using (var killed = OutFileSession.Open(file, OutFileFormat.Csv, new Checkpoint(folder.File("cp.json"))))
        {
            killed.Write(new Row { Id = "a0", Title = "t" }, "a0", null);
            killed.WriteOut();
        }

        // The kill tore the run's first write inside the header.
        using (var stream = new FileStream(file, FileMode.Open))
        {
            stream.SetLength("\"Id\",\"Ti".Length);
        }

        var run = new Checkpoint(folder.File("cp.json"));
        using (var next = OutFileSession.Open(file, OutFileFormat.Csv, run))
        {
            next.Write(new Row { Id = "a1", Title = "t" }, "a1", null);
            next.FlushToDisk(run);
        }

        Assert.Empty(run.Adopted);
        Assert.Equal(new[] { "\"Id\",\"Title\"", "\"a1\",\"t\"" }, File.ReadAllLines(file));
    }

    public sealed class Row
    {
        public string Id { get; set; } = string.Empty;

        public string Title { get; set; } = string.Empty;
    }

    private sealed class Checkpoint : IOutFileCheckpoint
    {
        public Checkpoint(string path) => Path = path;

        public string Path { get; }

        public IReadOnlyDictionary<string, long> CoveredOutputs { get; } = new Dictionary<string, long>();

        public List<JournalEntry> Adopted { get; } = new();

        public void AdoptDelivered(JournalEntry entry) => Adopted.Add(entry);

        public void RecordOutputs(IReadOnlyDictionary<string, long> lengths)
        {
        }
    }
}
