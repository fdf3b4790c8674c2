using System;

namespace MdeSiem.Simulator.Hosting;

/// <summary>
/// How long the simulator waits between sending the last bytes before a cut connection (a reset mid-body, a
/// truncated array) and cutting it: long enough for Kestrel to hand those bytes to the socket and for a loaded
/// client to read them. An abort that arrives first discards what Kestrel still holds, and a reset that reaches the
/// client before it read the response headers is a failed connection rather than a broken body. 100 ms was too
/// short on a loaded 2-core machine (the client saw no headers, or counted fewer records than were sent).
/// </summary>
internal static class CutGracePeriod
{
    public static readonly TimeSpan Value = TimeSpan.FromSeconds(1);
}
