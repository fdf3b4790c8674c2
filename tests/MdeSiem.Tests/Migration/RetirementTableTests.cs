using MdeSiem.Core.Migration;
using Xunit;

namespace MdeSiem.Tests.Migration;

/// <summary>The retirement table is the one source of the dates the cmdlets' warnings and the scanner give.</summary>
public sealed class RetirementTableTests
{
    [Fact]
    public void Defender_api_warning_quotes_the_tables_date_and_announcement()
    {
        Assert.Contains("1 February 2027", RetiringApiWarning.DefenderApi.Message, System.StringComparison.Ordinal);
        Assert.Contains(RetiringSurfaces.DefenderApi.RetirementDateText, RetiringApiWarning.DefenderApi.Message, System.StringComparison.Ordinal);
        Assert.Contains("MC1220762", RetiringSurfaces.DefenderApi.Source, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Get-MdeSiemAlert", "Defender for Endpoint SIEM API")]
    [InlineData(@"MdeSiem\Get-MdeAlert", "Defender for Endpoint alerts API")]
    [InlineData("update-mdealert", "Defender for Endpoint alerts API")]
    [InlineData("Get-MdeIncident", "Defender XDR incidents API")]
    [InlineData("Get-MgSecurityAlert", "Microsoft Graph legacy security alerts API (/security/alerts)")]
    public void Retiring_commands_name_their_surface(string command, string surface) =>
        Assert.Equal(surface, RetiringSurfaces.ForCommand(command)?.Name);

    [Theory]
    [InlineData("Get-MgSecurityAlertV2")]
    [InlineData("Get-DefenderAlert")]
    [InlineData("Get-MdeSiemConnection")]
    public void Current_commands_are_not_retiring(string command) => Assert.Null(RetiringSurfaces.ForCommand(command));

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0/security/alerts_v2", 0)]
    [InlineData("https://graph.microsoft.com/v1.0/security/alerts?$top=1", 1)]
    [InlineData("https://api.security.microsoft.com/api/alerts and https://wdatp-alertexporter-uk.windows.com/api/alerts", 2)]
    [InlineData("wdatp-alertexporter-eu.securitycenter.windows.com", 1)]
    public void Patterns_find_hosts_and_paths_once(string text, int count) => Assert.Equal(count, RetiredApiPatterns.Find(text).Count);

    [Theory]
    [InlineData("x = 1 # https://api.securitycenter.microsoft.com/api/alerts\n", CommentStyle.Hash, 0)]
    [InlineData("url = \"https://wdatp-alertexporter-eu.windows.com/api/alerts\" # SIEM\n", CommentStyle.Python, 1)]
    [InlineData("var u = \"https://api.security.microsoft.com/api/incidents\"; // old: https://api.security.microsoft.com/api/alerts\n", CommentStyle.CLike, 1)]
    [InlineData("/* https://api.security.microsoft.com/api/alerts */ var x = @\"a\"\"b\";", CommentStyle.CLike, 0)]
    [InlineData("<!-- https://wdatp-alertexporter-eu.windows.com --><url>https://api.securitycenter.microsoft.com</url>", CommentStyle.Xml, 1)]
    public void Comments_are_blanked_before_matching(string text, CommentStyle style, int count)
    {
        var blanked = CommentBlanker.Blank(text, style);
        Assert.Equal(text.Length, blanked.Length);
        Assert.Equal(count, RetiredApiPatterns.Find(blanked).Count);
    }
}
