using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Graph;
using MdeSiem.Simulator;
using MdeSiem.Tests.Cmdlets;
using MdeSiem.Tests.Simulator;
using Xunit;

namespace MdeSiem.Tests.Graph;

/// <summary>
/// The simulator's PATCH /security/alerts_v2/{id} takes the v1.0 metadata's members and the alert page's prose
/// spellings, answers with the metadata's member, and refuses any other value in Graph's error shape; the module
/// sends the metadata's names and refuses Unknown and the sentinel before sending anything.
/// </summary>
public sealed class GraphEnumSimulatorTests : IAsyncLifetime
{
    private SimulatedTenant _tenant = null!;
    private SimulatorClient _client = null!;

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 200, Seed = 43 });
        _client = new SimulatorClient(_tenant);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _tenant.DisposeAsync();
    }

    private string SomeAlertId(int index = 0) => GraphExpectations.AlertsOf(_tenant.Batches)[index].Id;

    private async Task<(HttpStatusCode Status, JsonDocument Body)> PatchAsync(string id, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, "v1.0/security/alerts_v2/" + id)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _client.GetTokenAsync("https://graph.microsoft.com"));
        using var response = await _client.Http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("determination", "confirmedUserActivity", "confirmedActivity")]
    [InlineData("determination", "confirmedActivity", "confirmedActivity")]
    [InlineData("determination", "compromisedUser", "compromisedAccount")]
    [InlineData("determination", "clean", "notMalicious")]
    [InlineData("determination", "insufficientData", "notEnoughDataToValidate")]
    [InlineData("classification", "benignPositive", "informationalExpectedActivity")]
    public async Task A_PATCH_takes_either_spelling_and_answers_with_the_metadata_member(string property, string sent, string member)
    {
        var (status, body) = await PatchAsync(SomeAlertId(), $"{{\"{property}\":\"{sent}\"}}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(member, body.RootElement.GetProperty(property).GetString());
        Assert.Contains(member, GraphEnumTests.MetadataMembers("alert" + char.ToUpperInvariant(property[0]) + property.Substring(1)));
    }

    [Theory]
    [InlineData("determination", "benign")]
    [InlineData("determination", "unknownFutureValue")]
    [InlineData("status", "closed")]
    [InlineData("classification", "TruePositive")]
    [InlineData("severity", "high")]
    public async Task A_PATCH_with_a_value_the_metadata_does_not_have_is_a_BadRequest_in_Graphs_error_shape(string property, string sent)
    {
        var (status, body) = await PatchAsync(SomeAlertId(), $"{{\"{property}\":\"{sent}\"}}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body.RootElement.GetProperty("error");
        Assert.Equal("BadRequest", error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("innerError").GetProperty("request-id").GetString()));
    }

    [Fact]
    public async Task The_module_sets_confirmedActivity_and_reads_it_back()
    {
        var id = SomeAlertId(1);
        using MdeSiemConnection connection = await GraphTenantConnection.ConnectAsync(_tenant);
        var client = new GraphAlertClient(connection);

        var updated = await client.UpdateAlertAsync(id, new GraphAlertUpdate { Determination = AlertDetermination.ConfirmedActivity });
        var reread = await client.GetAlertAsync(id);

        Assert.Equal("confirmedActivity", updated.DeterminationValue);
        Assert.Equal(AlertDetermination.ConfirmedActivity, reread.Determination);
    }

    [Theory]
    [InlineData("-Determination UnknownFutureValue")]
    [InlineData("-Classification Unknown")]
    [InlineData("-Status UnknownFutureValue")]
    public void Update_DefenderAlert_refuses_Unknown_and_the_sentinel_before_sending(string arguments)
    {
        using var engine = new HostedEngine();
        engine.ConnectTo(_tenant);

        var result = engine.Run($"Update-DefenderAlert -Id $id {arguments} -Confirm:$false", ("id", SomeAlertId(2)));

        Assert.StartsWith("MdeSiem.InvalidArgument,", Assert.Single(result.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.DoesNotContain(_tenant.Requests, request => request.Method == "PATCH");
    }
}
