using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;

namespace MdeSiem.Core.Migration;

/// <summary>Small horizontal bar charts as inline SVG: no script, no font or file from elsewhere.</summary>
internal static class SvgBarChart
{
    private const int LabelWidth = 210;
    private const int BarArea = 360;
    private const int RowHeight = 24;

    /// <summary>One bar per item, lengths proportional to the largest value, the value written after the bar.</summary>
    public static string Counts(string title, IReadOnlyList<(string Label, double Value, string Color, string ValueText)> bars)
    {
        double max = 0;
        foreach (var bar in bars)
        {
            max = bar.Value > max ? bar.Value : max;
        }

        var svg = Open(title, bars.Count);
        for (int i = 0; i < bars.Count; i++)
        {
            var (label, value, color, valueText) = bars[i];
            double width = max <= 0 ? 0 : BarArea * value / max;
            Row(svg, i, label, width, color, valueText);
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>One bar per item on a 0-100 % scale.</summary>
    public static string Shares(string title, IReadOnlyList<(string Label, double Share)> bars)
    {
        var svg = Open(title, bars.Count);
        for (int i = 0; i < bars.Count; i++)
        {
            var (label, share) = bars[i];
            string color = share >= 0.999 ? "#2e7d32" : share >= 0.9 ? "#f9a825" : "#c62828";
            Row(svg, i, label, BarArea * share, color, (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %");
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string title, int count)
    {
        int height = (count * RowHeight) + 8;
        return new StringBuilder()
            .Append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").Append(LabelWidth + BarArea + 90)
            .Append("\" height=\"").Append(height).Append("\" viewBox=\"0 0 ").Append(LabelWidth + BarArea + 90).Append(' ').Append(height)
            .Append("\"><title>").Append(WebUtility.HtmlEncode(title)).Append("</title>");
    }

    private static void Row(StringBuilder svg, int index, string label, double width, string color, string valueText)
    {
        int y = (index * RowHeight) + 4;
        string w = width.ToString("0.##", CultureInfo.InvariantCulture);
        svg.Append("<text x=\"").Append(LabelWidth - 8).Append("\" y=\"").Append(y + 15).Append("\" text-anchor=\"end\" font-size=\"13\" fill=\"#333\">")
            .Append(WebUtility.HtmlEncode(label)).Append("</text>")
            .Append("<rect x=\"").Append(LabelWidth).Append("\" y=\"").Append(y).Append("\" width=\"").Append(BarArea).Append("\" height=\"18\" fill=\"#eef1f5\"/>")
            .Append("<rect x=\"").Append(LabelWidth).Append("\" y=\"").Append(y).Append("\" width=\"").Append(w).Append("\" height=\"18\" fill=\"").Append(color).Append("\"/>")
            .Append("<text x=\"").Append(LabelWidth + BarArea + 6).Append("\" y=\"").Append(y + 15).Append("\" font-size=\"13\" fill=\"#333\">")
            .Append(WebUtility.HtmlEncode(valueText)).Append("</text>");
    }
}
