using System;
using System.Linq;
using MdeSiem.Core.Siem;
using Xunit;

namespace MdeSiem.Tests.Cmdlets;

/// <summary>
/// -Debug asks for more output, never for a question: without -WarningAction / -Verbose, PowerShell would make every
/// warning and verbose line of a compiled cmdlet prompt, which fails where nobody can answer (here: a hosted
/// runspace with no user interface; tests/DebugWarning.Tests.ps1 covers pwsh -NonInteractive).
/// </summary>
public sealed class DebugSwitchTests : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly SimulatorFixture _fixture;
    private readonly HostedEngine _engine = new();

    public DebugSwitchTests(SimulatorFixture fixture)
    {
        _fixture = fixture;
        _engine.ConnectTo(fixture.Tenant);
    }

    public void Dispose() => _engine.Dispose();

    [Fact]
    public void A_pull_with_Debug_alone_delivers_its_records_without_an_error()
    {
        var result = _engine.Run("Get-MdeSiemAlert -Limit 5 -Debug");

        Assert.Empty(result.Errors);
        Assert.Equal(5, result.OutputOf<MdeSiemAlert>().Count());
    }

    [Fact]
    public void An_explicit_WarningAction_and_Verbose_still_write_to_their_streams_under_Debug()
    {
        var result = _engine.Run("Get-MdeSiemAlert -Limit 5 -Debug -WarningAction Continue -Verbose");

        Assert.Empty(result.Errors);
        Assert.Single(result.Warnings);
        Assert.NotEmpty(result.Verbose);
    }
}
