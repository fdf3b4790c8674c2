using System;
using System.Linq;
using MdeSiem.Completers;
using Xunit;

namespace MdeSiem.Tests.Completion;

public sealed class CompleterTests
{
    [Fact]
    public void Values_match_by_case_insensitive_prefix_ignoring_a_typed_quote()
    {
        var results = CompletionValues.Complete(new[] { "UKMachines", "USMachines", "FranceMachines" }, "'u").ToList();

        Assert.Equal(new[] { "UKMachines", "USMachines" }, results.Select(r => r.CompletionText));
    }

    [Fact]
    public void Values_with_spaces_or_metacharacters_are_quoted()
    {
        var results = CompletionValues.Complete(new[] { "R&D Machines", "O'Brien" }, string.Empty).ToList();

        Assert.Equal(new[] { "'R&D Machines'", "'O''Brien'" }, results.Select(r => r.CompletionText));
        Assert.Equal(new[] { "R&D Machines", "O'Brien" }, results.Select(r => r.ListItemText));
    }

    [Fact]
    public void Severity_and_status_completers_offer_the_documented_values()
    {
        var severities = new AlertSeverityCompleter().CompleteArgument("c", "Severity", "m", null!, null!).Select(r => r.CompletionText);
        var statuses = new AlertStatusCompleter().CompleteArgument("c", "Status", string.Empty, null!, null!).Select(r => r.CompletionText);

        Assert.Equal(new[] { "medium" }, severities);
        Assert.Equal(new[] { "new", "inProgress", "resolved", "unknown" }, statuses);
    }

    [Fact]
    public void Seen_groups_are_those_of_the_last_pull_without_duplicates()
    {
        var seen = new SeenMachineGroups();
        seen.StartPull();
        seen.Record("B");
        seen.Record("A");
        seen.Record("b");
        seen.Record(null);
        Assert.Equal(new[] { "A", "B" }, seen.Snapshot());

        seen.StartPull();
        seen.Record("C");
        Assert.Equal(new[] { "C" }, seen.Snapshot());
    }
}
