using System.Security.Cryptography;

namespace MdeSiem.Simulator.Hosting;

/// <summary>Client secrets shaped like Entra's: 40 characters with a "8Q~"-style marker and URL-unsafe '~' and '.'.</summary>
internal static class SecretGenerator
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string SecretCharacters = Alphanumerics + "~._-";

    public static string NewSecret() =>
        RandomNumberGenerator.GetString(Alphanumerics, 3) + "8Q~" + RandomNumberGenerator.GetString(SecretCharacters, 34);
}
