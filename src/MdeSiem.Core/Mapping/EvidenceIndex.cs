using System;
using System.Collections.Generic;
using MdeSiem.Core.Graph;

namespace MdeSiem.Core.Mapping;

/// <summary>
/// The evidence already taken from earlier parts of one alert, by kind and identity (a process by command line, a
/// file by hash and path, an ip, a url, a user by domain and name), so that a repeated one is merged, not added
/// twice. An alert has a handful of evidence: a scan of keys kept as given beats building key strings to hash.
/// </summary>
internal sealed class EvidenceIndex
{
    private readonly List<Entry> _entries = new(8);

    public AlertEvidence? Find(EvidenceKind kind, string? key, string? secondKey)
    {
        foreach (var entry in _entries)
        {
            if (entry.Kind == kind && SameText(entry.Key, key) && SameText(entry.SecondKey, secondKey))
            {
                return entry.Evidence;
            }
        }

        return null;
    }

    /// <summary>Keys are read now: a file completed later by another part keeps the identity it was added with.</summary>
    public void Add(EvidenceKind kind, string? key, string? secondKey, AlertEvidence evidence) =>
        _entries.Add(new Entry(kind, key, secondKey, evidence));

    // A missing value and an empty one name the same thing (a user without a domain).
    private static bool SameText(string? left, string? right) =>
        string.Equals(left ?? string.Empty, right ?? string.Empty, StringComparison.Ordinal);

    private readonly struct Entry
    {
        public Entry(EvidenceKind kind, string? key, string? secondKey, AlertEvidence evidence)
        {
            Kind = kind;
            Key = key;
            SecondKey = secondKey;
            Evidence = evidence;
        }

        public EvidenceKind Kind { get; }

        public string? Key { get; }

        public string? SecondKey { get; }

        public AlertEvidence Evidence { get; }
    }
}
