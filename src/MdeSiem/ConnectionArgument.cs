using MdeSiem.Core.Auth;

namespace MdeSiem;

/// <summary>
/// What -Connection accepts: a connection's name or the connection object (from -PassThru or
/// Get-MdeSiemConnection). PowerShell converts either through the matching constructor.
/// </summary>
public sealed class ConnectionArgument
{
    public ConnectionArgument(string name)
    {
        Name = name;
    }

    public ConnectionArgument(MdeSiemConnection connection)
    {
        Connection = connection;
        Name = connection.Name;
    }

    public string? Name { get; }

    public MdeSiemConnection? Connection { get; }

    public override string ToString() => Connection?.ToString() ?? Name ?? string.Empty;
}
