using System;
using System.IO;
using System.Text;

namespace MdeSiem.Core.Forwarding;

/// <summary>A RELP "rsp": STATUS SP HUMAN-TEXT [LF DATA], where 200 is OK and anything else an error.</summary>
internal sealed class RelpResponse
{
    private RelpResponse(int transaction, int status, string text, string[] offers)
    {
        Transaction = transaction;
        Status = status;
        Text = text;
        Offers = offers;
    }

    public int Transaction { get; }

    public int Status { get; }

    public bool Ok => Status == 200;

    /// <summary>The status and its human-readable text, e.g. "200 OK".</summary>
    public string Text { get; }

    /// <summary>The lines after the status line (the accepted offers of an "open").</summary>
    public string[] Offers { get; }

    public static RelpResponse Parse(RelpFrame frame)
    {
        // librelp answers "close" with an empty response ("N rsp 0"): no status to read.
        if (frame.Data.Length == 0)
        {
            return new RelpResponse(frame.Transaction, 0, string.Empty, Array.Empty<string>());
        }

        var text = Encoding.UTF8.GetString(frame.Data);
        var lines = text.Split('\n');
        var statusLine = lines[0];
        if (statusLine.Length < 3 || !int.TryParse(statusLine.Substring(0, 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status))
        {
            throw new InvalidDataException("The collector sent a RELP response without a status.");
        }

        var offers = new string[lines.Length - 1];
        Array.Copy(lines, 1, offers, 0, offers.Length);
        return new RelpResponse(frame.Transaction, status, statusLine, offers);
    }
}
