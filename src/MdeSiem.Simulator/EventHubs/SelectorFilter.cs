using System;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;

namespace MdeSiem.Simulator.EventHubs;

/// <summary>
/// Where a receiver starts: the link's source carries a filter of type "apache.org:selector-filter:string" (descriptor
/// 0x00000137:0x0000000A) whose text compares one message annotation with a value, as the Event Hubs clients write it:
/// "amqp.annotation.x-opt-offset &gt; 1234", "amqp.annotation.x-opt-sequence-number &gt;= 5",
/// "amqp.annotation.x-opt-enqueued-time &gt; 1700000000000" (Unix milliseconds). The offset may also be "-1" (the
/// start of the partition) or "@latest" (after the last event).
/// Names from azure-sdk-for-net sdk/eventhub/Azure.Messaging.EventHubs/src/Amqp/AmqpFilter.cs; the filter type from
/// https://www.amqp.org/specification/1.0/filters (selector-filter, apache.org registry).
/// </summary>
public sealed partial class SelectorFilter
{
    public const string FilterName = "apache.org:selector-filter:string";
    public const ulong FilterCode = 0x000001370000000A;

    /// <summary>
    /// The code the .NET client actually sends (AmqpFilter.ConsumerFilterCode = 0x00000137000000A, one digit short
    /// of the registry's); the service goes by either, so the simulator does too.
    /// </summary>
    public const ulong DotNetClientFilterCode = 0x00000137000000A;

    private const string OffsetName = "amqp.annotation.x-opt-offset";
    private const string SequenceNumberName = "amqp.annotation.x-opt-sequence-number";
    private const string EnqueuedTimeName = "amqp.annotation.x-opt-enqueued-time";

    private readonly string annotation;
    private readonly bool inclusive;
    private readonly long value;
    private readonly bool latest;

    private SelectorFilter(string annotation, bool inclusive, long value, bool latest)
    {
        this.annotation = annotation;
        this.inclusive = inclusive;
        this.value = value;
        this.latest = latest;
    }

    /// <summary>No filter: the receiver starts at the beginning of the partition.</summary>
    public static SelectorFilter FromStart { get; } = new(SequenceNumberName, inclusive: true, 0, latest: false);

    /// <summary>True when only events enqueued after the link opened are wanted ("@latest").</summary>
    public bool IsLatest => latest;

    public static bool TryParse(string text, out SelectorFilter filter, out string error)
    {
        filter = FromStart;
        Match match = Expression().Match(text ?? string.Empty);
        if (!match.Success)
        {
            error = $"The selector filter '{text}' is not a comparison of an offset, sequence number or enqueued time.";
            return false;
        }

        string name = match.Groups["name"].Value;
        bool inclusive = match.Groups["op"].Value == ">=";
        string operand = match.Groups["value"].Value.Trim('\'', '"');
        if (name == OffsetName && operand == "@latest")
        {
            filter = new SelectorFilter(name, inclusive, long.MaxValue, latest: true);
            error = string.Empty;
            return true;
        }

        if (!long.TryParse(operand, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number))
        {
            error = $"The value '{operand}' of the selector filter is not a number.";
            return false;
        }

        filter = new SelectorFilter(name, inclusive, number, latest: false);
        error = string.Empty;
        return true;
    }

    /// <summary>Reads the selector filter out of a link source's filter set; none means the start of the partition.</summary>
    public static bool TryRead(AmqpMap? filterSet, out SelectorFilter filter, out string error)
    {
        filter = FromStart;
        error = string.Empty;
        if (filterSet is null)
        {
            return true;
        }

        foreach (var pair in filterSet)
        {
            // Decoded on this side as a plain described type: the descriptor is the symbol or the numeric code.
            if (pair.Value is DescribedType described && IsSelector(described.Descriptor))
            {
                return TryParse(described.Value as string ?? string.Empty, out filter, out error);
            }
        }

        return true;
    }

    private static bool IsSelector(object descriptor) => descriptor switch
    {
        AmqpSymbol symbol => string.Equals(symbol.Value, FilterName, StringComparison.Ordinal),
        ulong code => code is FilterCode or DotNetClientFilterCode,
        _ => false,
    };

    public bool Matches(StoredEvent stored)
    {
        long actual = annotation switch
        {
            OffsetName => stored.Offset,
            SequenceNumberName => stored.SequenceNumber,
            _ => new DateTimeOffset(stored.EnqueuedTimeUtc, TimeSpan.Zero).ToUnixTimeMilliseconds(),
        };
        return !latest && (inclusive ? actual >= value : actual > value);
    }

    [GeneratedRegex(@"^\s*(?<name>amqp\.annotation\.x-opt-(offset|sequence-number|enqueued-time))\s*(?<op>>=|>)\s*(?<value>\S+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Expression();
}
