using System.Collections.Generic;

namespace MdeSiem.Simulator.Generation;

/// <summary>
/// Stateless hashing that turns (seed, record or alert number, purpose) into well-mixed bits. Every generated value
/// is a pure function of its inputs, so record N can be produced without producing records 0..N-1.
/// </summary>
internal static class DeterministicHash
{
    /// <summary>The SplitMix64 finaliser: cheap, and every input bit affects every output bit.</summary>
    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    public static ulong Of(long seed, long number, ulong purpose) =>
        Mix(Mix(Mix((ulong)seed) ^ (ulong)number) ^ purpose);

    public static ulong Of(long seed, long number, long part, ulong purpose) =>
        Mix(Of(seed, number, purpose) ^ (ulong)part);

    /// <summary>A value in [0, bound) from the hash; the modulo bias is irrelevant for test data.</summary>
    public static int Below(ulong hash, int bound) => (int)(hash % (ulong)bound);

    public static T Pick<T>(ulong hash, IReadOnlyList<T> choices) => choices[Below(hash, choices.Count)];
}
