using System;
using System.Net;
using System.Net.Http;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Graph;
using MdeSiem.Core.OData;
using Xunit;

namespace MdeSiem.Tests.Graph;

/// <summary>The Warning header format is Graph's documented one: 199 - "{Vendor}/{Provider}/{StatusCode}/{LatencyInMs}".</summary>
public class GraphPartialContentTests
{
    [Fact]
    public void Every_failed_provider_of_a_206_is_named()
    {
        using var response = new HttpResponseMessage((HttpStatusCode)206);
        response.Headers.TryAddWithoutValidation("Warning", "199 - \"Contoso/Provider2/504/10000\", 199 - \"Fabrikam/Provider4/403/10\"");

        Assert.True(PartialResponse.IsPartial(response));
        Assert.Equal(new[] { "Contoso/Provider2 (504)", "Fabrikam/Provider4 (403)" }, PartialResponse.FailedProviders(response));
        var error = PartialResponse.ToError(response, new Uri("https://graph.microsoft.com/v1.0/security/alerts_v2"));
        Assert.Equal(ErrorCode.PartialResult, error.Code);
        Assert.Contains("Contoso/Provider2 (504)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_206_without_a_warning_still_says_something_is_missing()
    {
        using var response = new HttpResponseMessage((HttpStatusCode)206);
        Assert.Empty(PartialResponse.FailedProviders(response));
        Assert.Equal(ErrorCode.PartialResult, PartialResponse.ToError(response, new Uri("https://graph.microsoft.com/")).Code);
    }

    [Fact]
    public void The_delivery_key_tells_versions_of_one_alert_apart()
    {
        var first = GraphCheckpointScope.KeyOf("da1", new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc));
        var updated = GraphCheckpointScope.KeyOf("da1", new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(1));
        Assert.Equal("da1|2026-03-01T12:00:00.0000000Z", first);
        Assert.NotEqual(first, updated);
    }
}
