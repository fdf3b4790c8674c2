using System;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Siem;
using Xunit;

namespace MdeSiem.Tests.Core;

public class SiemAlertQueryTests
{
    [Fact]
    public void No_parameters_send_no_query_string()
    {
        Assert.Equal(string.Empty, new SiemAlertQuery().ToQueryString());
    }

    [Fact]
    public void Every_parameter_is_sent_with_the_documented_name()
    {
        var query = new SiemAlertQuery
        {
            SinceTimeUtc = new DateTime(2016, 9, 12, 0, 0, 0, DateTimeKind.Utc),
            UntilTimeUtc = new DateTime(2016, 9, 13, 1, 2, 3, DateTimeKind.Utc),
            Limit = 20,
            DeviceCreatedMachineTag = "tag one",
            CloudCreatedMachineTag = "cloud&tag",
        };
        query.MachineGroups.Add("UKMachines");
        query.MachineGroups.Add("FranceMachines");

        Assert.Equal(
            "?sinceTimeUtc=2016-09-12T00%3A00%3A00.0000000Z&untilTimeUtc=2016-09-13T01%3A02%3A03.0000000Z&limit=20"
            + "&machinegroups=UKMachines&machinegroups=FranceMachines"
            + "&DeviceCreatedMachineTags=tag%20one&CloudCreatedMachineTags=cloud%26tag",
            query.ToQueryString());
    }

    [Theory]
    [InlineData(10, "PT10M")]
    [InlineData(150, "PT2H30M")]
    [InlineData(2 * 24 * 60, "P2D")]
    public void Ago_is_sent_as_an_ISO_8601_duration(int minutes, string expected)
    {
        var query = new SiemAlertQuery { Ago = TimeSpan.FromMinutes(minutes) };
        Assert.Equal("?ago=" + expected, query.ToQueryString());
    }

    [Fact]
    public void A_local_time_is_sent_as_UTC()
    {
        var local = new DateTime(2024, 1, 15, 12, 0, 0, DateTimeKind.Local);
        var query = new SiemAlertQuery { SinceTimeUtc = local };
        var expected = local.ToUniversalTime().ToString("yyyy-MM-dd'T'HH'%3A'mm'%3A'ss", System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("?sinceTimeUtc=" + expected, query.ToQueryString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_without_a_kind_is_taken_as_UTC()
    {
        var query = new SiemAlertQuery { SinceTimeUtc = new DateTime(2024, 1, 15, 12, 0, 0, DateTimeKind.Unspecified) };
        Assert.Equal("?sinceTimeUtc=2024-01-15T12%3A00%3A00.0000000Z", query.ToQueryString());
    }

    public static TheoryData<SiemAlertQuery> InvalidQueries() => new()
    {
        new SiemAlertQuery { Ago = TimeSpan.FromMinutes(5), SinceTimeUtc = DateTime.UtcNow },
        new SiemAlertQuery { Ago = TimeSpan.FromMinutes(5), UntilTimeUtc = DateTime.UtcNow },
        new SiemAlertQuery { Ago = TimeSpan.Zero },
        new SiemAlertQuery { SinceTimeUtc = DateTime.UtcNow, UntilTimeUtc = DateTime.UtcNow.AddHours(-1) },
        new SiemAlertQuery { Limit = 0 },
    };

    [Theory]
    [MemberData(nameof(InvalidQueries))]
    public void Conflicting_or_out_of_range_values_are_argument_errors(SiemAlertQuery query)
    {
        var failure = Assert.Throws<MdeSiemException>(query.Validate);
        Assert.Equal(ErrorCode.InvalidArgument, failure.Code);
    }
}
