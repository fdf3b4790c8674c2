using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MdeSiem.Core.Siem;
using MdeSiem.Simulator;
using MdeSiem.Tests.Cmdlets;
using Xunit;

namespace MdeSiem.Tests.Connect;

/// <summary>Shared checks for the connect tests: the expected pull and error assertions.</summary>
internal static class ConnectedEngine
{
    /// <summary>What Get-MdeSiemAlert -Limit 5 must return: the five most recent generated records.</summary>
    public static IReadOnlyList<string> ExpectedLastFive(SimulatedTenant tenant) =>
        tenant.Generator.GetRecords().OrderBy(record => record.LastProcessedTimeUtc).TakeLast(5).Select(record => record.FullId).ToList();

    public static void AssertPullsFive(HostedEngine engine, SimulatedTenant tenant, string extra = "")
    {
        var result = engine.Run("Get-MdeSiemAlert -Limit 5 -WarningAction SilentlyContinue " + extra);
        Assert.Empty(result.Errors);
        var pulled = result.OutputOf<MdeSiemAlert>().Select(alert => alert.FullId).ToList();
        Assert.Equal(ExpectedLastFive(tenant).OrderBy(id => id, StringComparer.Ordinal), pulled.OrderBy(id => id, StringComparer.Ordinal));
    }

    public static ErrorRecord AssertFails(EngineResult result, string errorId, ErrorCategory category)
    {
        var error = Assert.Single(result.Errors);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(category, error.CategoryInfo.Category);
        return error;
    }
}
