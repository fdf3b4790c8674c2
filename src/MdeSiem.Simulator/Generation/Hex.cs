using System;

namespace MdeSiem.Simulator.Generation;

/// <summary>Hex strings of a chosen length, as the service prints hashes and ids.</summary>
internal static class Hex
{
    public static string FromHash(ulong hash, int length, bool upperCase)
    {
        return string.Create(length, (hash, upperCase), static (chars, state) =>
        {
            string digits = state.upperCase ? "0123456789ABCDEF" : "0123456789abcdef";
            ulong bits = state.hash;
            for (int i = 0; i < chars.Length; i++)
            {
                // Re-mix every 16 digits so long values (SHA-256) do not repeat the same 64 bits.
                if (i > 0 && i % 16 == 0)
                {
                    bits = DeterministicHash.Mix(bits + (ulong)i);
                }

                chars[i] = digits[(int)(bits >> (4 * (i % 16))) & 0xF];
            }
        });
    }
}
