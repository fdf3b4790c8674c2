using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Http;
using Xunit;

namespace MdeSiem.Tests.Core;

/// <summary>
/// The retry handler's decisions on their own, against a scripted inner handler: what may be resent, and how the
/// raw Retry-After text is read. The simulator tests in WriteRetryTests cover the same against HTTP.
/// </summary>
public sealed class RetryHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Answers each attempt with the next scripted outcome: an exception to throw or a status to return.</summary>
    private sealed class ScriptedHandler(params object[] outcomes) : HttpMessageHandler
    {
        private readonly Queue<object> _outcomes = new(outcomes);

        public int Attempts { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Attempts++;
            var next = _outcomes.Count > 0 ? _outcomes.Dequeue() : HttpStatusCode.OK;
            return next is Exception exception ? Task.FromException<HttpResponseMessage>(exception) : Task.FromResult(new HttpResponseMessage((HttpStatusCode)next));
        }
    }

    private static async Task<int> AttemptsAsync(HttpRequestMessage request, params object[] outcomes)
    {
        var inner = new ScriptedHandler(outcomes);
        using var client = new HttpClient(new RetryHandler(new RetrySettings { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromSeconds(1) }, inner, () => Now));
        try
        {
            using var response = await client.SendAsync(request);
        }
        catch (HttpRequestException)
        {
        }

        return inner.Attempts;
    }

    private static HttpRequestMessage Comment(bool? marked = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "https://graph.example/v1.0/security/alerts_v2/a/comments");
        if (marked is { } idempotent)
        {
            request.Options.Set(new HttpRequestOptionsKey<bool>(RequestOptionKeys.Idempotent), idempotent);
        }

        return request;
    }

    private static HttpRequestException ConnectFailure() => new("connection refused", new SocketException((int)SocketError.ConnectionRefused));

    private static HttpRequestException DroppedAfterSending() => new("response ended prematurely", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)));

    [Fact]
    public async Task A_comment_is_resent_after_a_failure_to_connect_but_not_after_a_dropped_connection_or_a_500()
    {
        Assert.Equal(2, await AttemptsAsync(Comment(), ConnectFailure()));
        Assert.Equal(1, await AttemptsAsync(Comment(), DroppedAfterSending()));
        Assert.Equal(1, await AttemptsAsync(Comment(), HttpStatusCode.InternalServerError));
        Assert.Equal(1, await AttemptsAsync(Comment(), HttpStatusCode.BadGateway));
        Assert.Equal(1, await AttemptsAsync(Comment(), HttpStatusCode.ServiceUnavailable));
        Assert.Equal(2, await AttemptsAsync(Comment(), (HttpStatusCode)429));
    }

    [Fact]
    public async Task Reads_and_marked_writes_are_resent_after_any_transient_failure()
    {
        Assert.Equal(2, await AttemptsAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.example/api/alerts"), DroppedAfterSending()));
        Assert.Equal(2, await AttemptsAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.example/api/alerts"), HttpStatusCode.InternalServerError));
        Assert.Equal(2, await AttemptsAsync(Comment(marked: true), HttpStatusCode.BadGateway));
        Assert.Equal(1, await AttemptsAsync(new HttpRequestMessage(new HttpMethod("PATCH"), "https://api.example/api/alerts/a"), HttpStatusCode.InternalServerError));
    }

    [Theory]
    [InlineData("GET", true)]
    [InlineData("HEAD", true)]
    [InlineData("PUT", true)]
    [InlineData("DELETE", true)]
    [InlineData("POST", false)]
    [InlineData("PATCH", false)]
    public void Without_a_mark_the_method_decides(string method, bool idempotent)
    {
        Assert.Equal(idempotent, RetryHandler.IsIdempotent(new HttpRequestMessage(new HttpMethod(method), "https://api.example/")));
    }

    // Seconds with a fraction as Microsoft Graph sends them (https://learn.microsoft.com/graph/throttling#sample-response),
    // whole delay-seconds and an HTTP date (RFC 9110, section 10.2.3).
    [Theory]
    [InlineData("2.128", 2128)]
    [InlineData(" 120 ", 120000)]
    [InlineData("0", 0)]
    [InlineData("Mon, 01 Jun 2026 12:00:07 GMT", 7000)]
    [InlineData("Mon, 01 Jun 2026 11:59:00 GMT", 0)]
    public void Retry_After_is_read_in_every_form(string header, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), RetryAfterHeader.Parse(header, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-3")]
    [InlineData("soon")]
    public void A_Retry_After_that_names_no_wait_is_none(string header)
    {
        Assert.Null(RetryAfterHeader.Parse(header, Now));
    }

    [Fact]
    public void The_raw_header_is_read_where_the_typed_one_gives_up()
    {
        using var response = new HttpResponseMessage((HttpStatusCode)429);
        Assert.True(response.Headers.TryAddWithoutValidation("Retry-After", "2.128"));

        Assert.Null(response.Headers.RetryAfter);
        Assert.True(RetryAfterHeader.Read(response, Now) >= TimeSpan.FromSeconds(2.128));
    }
}
