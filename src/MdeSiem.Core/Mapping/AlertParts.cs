using System.Collections.Generic;
using MdeSiem.Core.Siem;

namespace MdeSiem.Core.Mapping;

/// <summary>Puts the SIEM records of one alert in AlertPart order.</summary>
internal static class AlertParts
{
    /// <summary>
    /// The parts sorted by AlertPart, equal parts in arrival order (a stable sort). Parts nearly always arrive in
    /// order, and most alerts have one: then the list itself is returned and nothing is allocated.
    /// </summary>
    public static IReadOnlyList<MdeSiemAlert> InPartOrder(IReadOnlyList<MdeSiemAlert> parts)
    {
        var sorted = true;
        for (var i = 1; i < parts.Count && sorted; i++)
        {
            sorted = parts[i - 1].AlertPart <= parts[i].AlertPart;
        }

        if (sorted)
        {
            return parts;
        }

        // Insertion sort: stable, and an alert has few parts.
        var ordered = new MdeSiemAlert[parts.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var j = i;
            while (j > 0 && ordered[j - 1].AlertPart > part.AlertPart)
            {
                ordered[j] = ordered[j - 1];
                j--;
            }

            ordered[j] = part;
        }

        return ordered;
    }
}
