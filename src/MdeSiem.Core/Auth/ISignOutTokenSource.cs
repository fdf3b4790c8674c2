using System.Threading.Tasks;

namespace MdeSiem.Core.Auth;

/// <summary>A token source that holds cached tokens or accounts to forget when the user disconnects.</summary>
public interface ISignOutTokenSource
{
    Task SignOutAsync();
}
