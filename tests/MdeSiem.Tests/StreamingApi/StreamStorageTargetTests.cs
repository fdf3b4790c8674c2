using System;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using MdeSiem.Core.StreamingApi;
using Xunit;

namespace MdeSiem.Tests.StreamingApi;

public sealed class StreamStorageTargetTests
{
    private const string Key = "c2VjcmV0LWtleS1ieXRlcy1mb3ItdGVzdHMtb25seQ==";

    [Fact]
    public void Table_names_map_to_the_documented_containers()
    {
        Assert.Equal("insights-logs-advancedhunting-alertinfo", StreamingTables.ContainerName("alertinfo"));
        Assert.Equal("insights-logs-advancedhunting-deviceprocessevents", StreamingTables.ContainerName("DeviceProcessEvents"));
        Assert.Equal("AlertEvidence", StreamingTables.Normalize("ALERTEVIDENCE"));
        Assert.Equal("SomeNewTable", StreamingTables.Normalize("SomeNewTable"));
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<MdeSiemException>(() => StreamingTables.Normalize("../x")).Code);
    }

    [Fact]
    public void A_connection_string_names_its_account_and_never_its_key()
    {
        var target = StreamStorageTarget.ForConnectionString($"DefaultEndpointsProtocol=https;AccountName=contosodefender;AccountKey={Key};EndpointSuffix=core.windows.net");

        Assert.Equal("contosodefender", target.AccountName);
        Assert.Equal("https://contosodefender.blob.core.windows.net/", target.Endpoint);
        Assert.DoesNotContain(Key, target.Describe("c"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_connection_string_is_InvalidArgument_without_quoting_it()
    {
        var failure = Assert.Throws<MdeSiemException>(() => StreamStorageTarget.ForConnectionString($"AccountName=a;AccountKey={Key};Nonsense"));

        Assert.Equal(ErrorCode.InvalidArgument, failure.Code);
        Assert.DoesNotContain(Key, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_container_sas_reaches_only_its_container_and_hides_its_signature()
    {
        var sas = new Uri("https://contosodefender.blob.core.windows.net/insights-logs-advancedhunting-alertinfo?sv=2024-11-04&sr=c&sp=rl&se=2030-01-01&sig=SECRETSIGNATURE%3D");
        var target = StreamStorageTarget.ForSasUri(sas);

        Assert.Equal("contosodefender", target.AccountName);
        Assert.DoesNotContain("SECRET", target.Describe("insights-logs-advancedhunting-alertinfo"), StringComparison.Ordinal);
        var failure = Assert.Throws<MdeSiemException>(() => target.GetContainer("insights-logs-advancedhunting-alertevidence"));
        Assert.Equal(ErrorCode.InvalidArgument, failure.Code);
        Assert.DoesNotContain("SECRET", failure.ToString(), StringComparison.Ordinal);
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<MdeSiemException>(() => StreamStorageTarget.ForSasUri(new Uri("https://a.blob.core.windows.net/?sv=1"))).Code);
    }

    [Fact]
    public async Task The_token_for_an_account_is_asked_for_the_storage_audience()
    {
        var tokens = new RecordingTokenSource();
        var credential = new StorageTokenCredential(tokens);

        var token = await credential.GetTokenAsync(new Azure.Core.TokenRequestContext(new[] { "https://storage.azure.com/.default" }), CancellationToken.None);

        Assert.Equal("https://storage.azure.com", tokens.Resource);
        Assert.Equal("not-a-jwt", token.Token);
        Assert.True(token.ExpiresOn > DateTimeOffset.UtcNow);
    }

    private sealed class RecordingTokenSource : IAccessTokenSource
    {
        public string? Resource { get; private set; }

        public Task<string> GetAccessTokenAsync(string resource, bool forceRefresh, CancellationToken cancellationToken)
        {
            Resource = resource;
            return Task.FromResult("not-a-jwt");
        }
    }
}
