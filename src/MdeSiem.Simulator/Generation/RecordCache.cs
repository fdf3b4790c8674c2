namespace MdeSiem.Simulator.Generation;

/// <summary>
/// Remembers the last alert composed while streaming, so the parts of one alert (consecutive records) share its
/// id, links and time instead of recomputing them. One per response; not thread-safe.
/// </summary>
internal sealed class RecordCache
{
    public AlertFacts? LastAlert { get; set; }
}
