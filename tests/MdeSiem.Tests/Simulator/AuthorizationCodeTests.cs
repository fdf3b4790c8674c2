using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Simulator;

/// <summary>
/// The simulator's authorization-code flow with PKCE, driven over plain HTTP the way a browser and a client would:
/// authorize page, the user's choice, the answer to the loopback redirect URI, and the code exchange. The PKCE pair
/// is RFC 7636's own example (Appendix B), so the expected challenge does not come from the simulator's code.
/// </summary>
public sealed class AuthorizationCodeTests : IAsyncLifetime
{
    private const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private const string Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private const string RedirectUri = "http://localhost:51234";
    private const string Scope = "https://graph.windows.net/.default offline_access openid profile";

    private SimulatedTenant tenant = null!;
    private HttpClient browser = null!;

    public async Task InitializeAsync()
    {
        tenant = await TenantStarter.StartAsync(ManualClock.AtFixedTime(), alertCount: 10);

        // A browser that shows redirects instead of following them: the loopback listener is not running here.
        browser = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true, AllowAutoRedirect = false })
        {
            BaseAddress = tenant.BaseUri,
        };
    }

    public async Task DisposeAsync()
    {
        browser.Dispose();
        await tenant.DisposeAsync();
    }

    [Fact]
    public async Task Approved_form_post_answer_carries_code_and_state_and_the_code_redeems_with_the_verifier()
    {
        var fields = await AnswerAsync("approve", "form_post");

        Assert.Equal("state-123", fields["state"]);
        using var response = await RedeemAsync(fields["code"], Verifier);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("access_token").GetString()!;
        Assert.Equal("Alert.Read", JwtParts.Payload(token).GetProperty("scp").GetString());
        Assert.Equal("https://graph.windows.net", JwtParts.Payload(token).GetProperty("aud").GetString());
        Assert.StartsWith("0.A", body.RootElement.GetProperty("refresh_token").GetString(), StringComparison.Ordinal);
        Assert.Contains(fields["code"], tenant.IssuedSecrets);
    }

    [Fact]
    public async Task A_verifier_that_does_not_hash_to_the_challenge_is_invalid_grant_50148()
    {
        var fields = await AnswerAsync("approve", "form_post");

        using var response = await RedeemAsync(fields["code"], Verifier.Replace('d', 'e'));

        await AssertEntraErrorAsync(response, "invalid_grant", 50148);
    }

    [Fact]
    public async Task A_code_redeems_once_and_only_for_its_redirect_uri()
    {
        var fields = await AnswerAsync("approve", "query");

        using var wrongRedirect = await RedeemAsync(fields["code"], Verifier, "http://localhost:4000");
        await AssertEntraErrorAsync(wrongRedirect, "invalid_grant", 70000);
        using var again = await RedeemAsync(fields["code"], Verifier);
        await AssertEntraErrorAsync(again, "invalid_grant", 9002313);
    }

    [Fact]
    public async Task Declining_answers_access_denied_with_the_state_and_issues_no_code()
    {
        var fields = await AnswerAsync("deny", "form_post");

        Assert.Equal("access_denied", fields["error"]);
        Assert.StartsWith("AADSTS65004:", fields["error_description"], StringComparison.Ordinal);
        Assert.Equal("state-123", fields["state"]);
        Assert.False(fields.ContainsKey("code"));
    }

    [Theory]
    [InlineData("redirect_uri=https%3A%2F%2Fevil.example%2F&code_challenge=" + Challenge + "&code_challenge_method=S256", 50011)]
    [InlineData("redirect_uri=http%3A%2F%2Flocalhost%3A51234&code_challenge_method=S256", 9002325)]
    [InlineData("redirect_uri=http%3A%2F%2Flocalhost%3A51234&code_challenge=" + Challenge + "&code_challenge_method=plain", 9002325)]
    public async Task Bad_requests_get_an_error_page_and_no_redirect(string parameters, int aadsts)
    {
        using var page = await browser.GetAsync($"{tenant.TenantId}/oauth2/v2.0/authorize?client_id={tenant.ClientId}&response_type=code&state=s&{parameters}");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Null(page.Headers.Location);
        Assert.Contains($"AADSTS{aadsts}:", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // Plays the browser: opens the sign-in page, follows the user's choice, and returns the fields the answer
    // would deliver to the redirect URI (the hidden form for form_post, the Location query for query).
    private async Task<Dictionary<string, string>> AnswerAsync(string choice, string responseMode)
    {
        var authorize = $"{tenant.TenantId}/oauth2/v2.0/authorize?client_id={tenant.ClientId}&response_type=code" +
            $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}&scope={Uri.EscapeDataString(Scope)}&state=state-123" +
            $"&code_challenge={Challenge}&code_challenge_method=S256&response_mode={responseMode}&prompt=select_account";
        using var page = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var link = Regex.Match(await page.Content.ReadAsStringAsync(), $"id=\"{choice}\" href=\"([^\"]+)\"").Groups[1].Value;

        using var answer = await browser.GetAsync(new Uri(link));
        if (responseMode == "query")
        {
            Assert.Equal(HttpStatusCode.Found, answer.StatusCode);
            var location = answer.Headers.Location!;
            Assert.Equal(RedirectUri + "/", location.GetLeftPart(UriPartial.Path));
            return location.Query.TrimStart('?').Split('&')
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]));
        }

        var html = await answer.Content.ReadAsStringAsync();
        Assert.Contains($"action=\"{RedirectUri}\"", html, StringComparison.Ordinal);
        return Regex.Matches(html, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .ToDictionary(match => match.Groups[1].Value, match => WebUtility.HtmlDecode(match.Groups[2].Value));
    }

    private Task<HttpResponseMessage> RedeemAsync(string code, string verifier, string redirectUri = RedirectUri) =>
        browser.PostAsync($"{tenant.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = tenant.ClientId,
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = verifier,
            ["scope"] = Scope,
        }));

    private static async Task AssertEntraErrorAsync(HttpResponseMessage response, string error, int code)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(error, body.RootElement.GetProperty("error").GetString());
        Assert.Equal(code, body.RootElement.GetProperty("error_codes")[0].GetInt32());
    }
}
