using System;

namespace MdeSiem.Simulator.StreamingApi;

/// <summary>One record of the Streaming API's storage export: its table, envelope time and the exact JSON line.</summary>
/// <param name="Table">The Advanced Hunting table (AlertInfo, AlertEvidence, DeviceEvents).</param>
/// <param name="TimeUtc">The envelope's time; it decides the hourly blob.</param>
/// <param name="Json">The line without its line break.</param>
public sealed record StreamingExportLine(string Table, DateTime TimeUtc, string Json);
