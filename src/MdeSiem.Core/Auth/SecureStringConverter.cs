using System;
using System.Runtime.InteropServices;
using System.Security;

namespace MdeSiem.Core.Auth;

/// <summary>Reads a SecureString only at the moment a library needs the plain text, and zeroes the copy.</summary>
internal static class SecureStringConverter
{
    public static string ToPlainText(SecureString secure)
    {
        var pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
            return Marshal.PtrToStringUni(pointer) ?? string.Empty;
        }
        finally
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
