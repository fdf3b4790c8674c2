using System.Collections.Generic;
using System.Linq;
using MdeSiem.Core.Mapping;
using MdeSiem.Core.Siem;
using Xunit;

namespace MdeSiem.Tests.Mapping;

public sealed class SiemAlertMergerTests
{
    private static MdeSiemAlert Part(string id, int part) => new() { AlertId = id, AlertPart = part };

    private static List<string> Feed(int window, params MdeSiemAlert[] records)
    {
        var merger = new SiemAlertMerger(window);
        var written = new List<string>();
        foreach (var record in records)
        {
            written.AddRange(merger.Add(record).Select(Describe));
        }

        written.AddRange(merger.Flush().Select(Describe));
        return written;
    }

    private static string Describe(IReadOnlyList<MdeSiemAlert> parts) => parts[0].AlertId + ":" + string.Join(",", parts.Select(p => p.AlertPart));

    [Fact]
    public void Parts_within_the_window_merge()
    {
        Assert.Equal(new[] { "A:0,1", "B:0", "C:0" }, Feed(1, Part("A", 0), Part("B", 0), Part("A", 1), Part("C", 0)).OrderBy(x => x));
    }

    [Fact]
    public void An_alert_is_written_once_more_than_the_window_of_alerts_started_after_its_last_part()
    {
        var merger = new SiemAlertMerger(2);
        Assert.Empty(merger.Add(Part("A", 0)));
        Assert.Empty(merger.Add(Part("B", 0)));
        Assert.Empty(merger.Add(Part("C", 0)));
        Assert.Equal(new[] { "A:0" }, merger.Add(Part("D", 0)).Select(Describe));
    }

    [Fact]
    public void A_part_arriving_after_its_alert_was_written_starts_a_new_alert()
    {
        Assert.Equal(new[] { "A:0", "B:0", "A:1" }, Feed(0, Part("A", 0), Part("B", 0), Part("A", 1)));
    }
}
