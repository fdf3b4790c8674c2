using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MdeSiem.Core.Auth;
using MdeSiem.Core.StreamingApi;
using MdeSiem.Tests.Compatibility;
using Xunit;

namespace MdeSiem.Tests.Help;

/// <summary>
/// about_MdeSiem's table of APIs, hosts and token audiences says what the code asks MSAL for, and its -EndpointUri
/// paragraph where a custom base sends each API.
/// </summary>
public sealed class TokenAudienceTableTests
{
    private static readonly string AboutText = File.ReadAllText(Path.Combine(ShippedModule.RepositoryRoot, "docs", "about_MdeSiem.md"));

    [Theory]
    [InlineData("Get-MdeSiemAlert", ServiceEndpoints.SiemResource)]
    [InlineData("Get-DefenderAlert", null)]
    [InlineData("Get-MdeAlert", ServiceEndpoints.MdeResource)]
    [InlineData("Get-MdeIncident", ServiceEndpoints.XdrResource)]
    [InlineData("Get-DefenderStreamEvent", StorageTokenCredential.StorageResource)]
    public void The_table_gives_each_cmdlet_the_audience_the_module_requests(string cmdlet, string? audience)
    {
        var expected = audience ?? ServiceEndpoints.ForCloud(CloudEnvironment.Global).GraphAudience;
        var row = AboutText.Split('\n').Single(line => line.StartsWith("| ", StringComparison.Ordinal) && Regex.IsMatch(line, $@"[|,] {Regex.Escape(cmdlet)}\b"));

        Assert.Equal(expected, row.Split('|', StringSplitOptions.RemoveEmptyEntries).Last().Trim());
    }

    [Fact]
    public void The_EndpointUri_paragraph_names_the_paths_a_custom_base_uses()
    {
        var custom = ServiceEndpoints.ForCustomBase(new Uri("https://proxy.example/"));

        Assert.Contains("<base>/" + custom.GetDefenderApiUri("api/").AbsoluteUri.Substring("https://proxy.example/".Length), AboutText, StringComparison.Ordinal);
        Assert.Contains("<base>/" + custom.GetSiemAlertsUri(SiemRegion.US).AbsolutePath.TrimStart('/'), AboutText, StringComparison.Ordinal);
        Assert.Contains("<base>/" + custom.GetGraphUri("x").AbsolutePath.TrimStart('/').TrimEnd('x'), AboutText, StringComparison.Ordinal);
    }
}
