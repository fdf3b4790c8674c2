namespace MdeSiem.Core.Forwarding;

/// <summary>One RELP frame: "TXNR SP COMMAND SP DATALEN [SP DATA] LF" (librelp doc/relp.md, "RELP FRAME").</summary>
internal sealed class RelpFrame
{
    public RelpFrame(int transaction, string command, byte[] data)
    {
        Transaction = transaction;
        Command = command;
        Data = data;
    }

    public int Transaction { get; }

    public string Command { get; }

    public byte[] Data { get; }
}
