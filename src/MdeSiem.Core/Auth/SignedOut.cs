using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Auth;

/// <summary>The error for a connection used after Disconnect-MdeSiem forgot it.</summary>
internal static class SignedOut
{
    public static MdeSiemException Error() => new(ErrorCode.NotConnected, "This connection was disconnected.")
    {
        RecommendedAction = "Run Connect-MdeSiem again.",
    };
}
