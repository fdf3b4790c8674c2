using System;
using System.Collections.Generic;
using System.Linq;

namespace MdeSiem.Simulator.Hunting;

/// <summary>
/// Runs the subset of KQL the simulated advanced hunting service understands:
/// <c>Table | where ... | project a, b | take n | limit n | summarize count() [by a, b] | order by a [asc|desc]</c>.
/// Conditions: <c>==, !=, =~, !~, &lt;, &lt;=, &gt;, &gt;=</c>, <c>in (..)</c>, <c>!in (..)</c>,
/// <c>between (x .. y)</c>, <c>contains, !contains, has, !has, startswith, endswith</c>, <c>isempty(c)</c>,
/// <c>isnotempty(c)</c>, <c>and</c>, <c>or</c>, <c>not(..)</c>, parentheses; values are strings, numbers,
/// <c>datetime(..)</c>, <c>ago(1d)</c>, <c>now()</c>. Anything else is refused with a 400, never guessed at.
/// </summary>
internal sealed class KqlEngine
{
    private readonly List<KqlToken> tokens;
    private readonly DateTime nowUtc;
    private int next;

    private KqlEngine(string query, DateTime nowUtc)
    {
        tokens = KqlLexer.Tokenize(query);
        this.nowUtc = nowUtc;
    }

    /// <summary>Runs <paramref name="query"/> over the table it names, taken from <paramref name="tables"/>.</summary>
    public static KqlTable Run(string query, Func<string, KqlTable?> tables, DateTime nowUtc) => new KqlEngine(query, nowUtc).Run(tables);

    private KqlTable Run(Func<string, KqlTable?> tables)
    {
        KqlToken name = Take();
        if (name.Kind != KqlTokenKind.Identifier)
        {
            throw KqlError.Syntax(name.Text, name.Position);
        }

        KqlTable table = tables(name.Text) ?? throw new KqlError($"Failed to resolve table or column expression named '{name.Text}'");
        while (!Is(KqlTokenKind.End))
        {
            Expect("|");
            KqlToken op = Take();
            table = op.Text switch
            {
                "where" => Where(table),
                "project" => Project(table),
                "take" or "limit" => new KqlTable(table.Columns, table.Rows.Take(Count()).ToList()),
                "summarize" => Summarize(table),
                "order" or "sort" => Order(table),
                _ when op.Kind == KqlTokenKind.Identifier => throw new KqlError($"The operator '{op.Text}' is not supported by this simulated tenant."),
                _ => throw KqlError.Syntax(op.Text, op.Position),
            };
        }

        return table;
    }

    private KqlTable Where(KqlTable table)
    {
        Func<object?[], bool> keep = Or(table);
        return new KqlTable(table.Columns, table.Rows.Where(keep).ToList());
    }

    private KqlTable Project(KqlTable table)
    {
        List<int> indexes = Names().Select(name => table.IndexOf(name, "project")).ToList();
        return new KqlTable(indexes.Select(i => table.Columns[i]).ToList(), table.Rows.Select(row => indexes.Select(i => row[i]).ToArray()).ToList());
    }

    private KqlTable Summarize(KqlTable table)
    {
        KqlToken function = Take();
        if (function.Text != "count")
        {
            throw new KqlError($"The aggregation '{function.Text}' is not supported by this simulated tenant; use count().");
        }

        Expect("(");
        Expect(")");
        List<int> keys = [];
        if (Is(KqlTokenKind.Identifier, "by"))
        {
            next++;
            keys = Names().Select(name => table.IndexOf(name, "summarize")).ToList();
        }

        var columns = keys.Select(i => table.Columns[i]).Append(new KqlColumn("count_", "Int64")).ToList();
        var groups = table.Rows.GroupBy(row => string.Join("\u0001", keys.Select(i => Convert.ToString(row[i], System.Globalization.CultureInfo.InvariantCulture))));
        var rows = groups.Select(group => keys.Select(i => group.First()[i]).Append((object?)(long)group.Count()).ToArray()).ToList();
        if (keys.Count == 0 && rows.Count == 0)
        {
            rows.Add([0L]);
        }

        return new KqlTable(columns, rows);
    }

    private KqlTable Order(KqlTable table)
    {
        Expect("by");
        int index = table.IndexOf(Take().Text, "order");
        // Kusto sorts descending unless told otherwise.
        bool ascending = Is(KqlTokenKind.Identifier, "asc");
        if (ascending || Is(KqlTokenKind.Identifier, "desc"))
        {
            next++;
        }

        var sorted = table.Rows.OrderBy(row => row[index], Comparer<object?>.Create(Compare)).ToList();
        if (!ascending)
        {
            sorted.Reverse();
        }

        return new KqlTable(table.Columns, sorted);
    }

    private Func<object?[], bool> Or(KqlTable table)
    {
        Func<object?[], bool> left = And(table);
        while (Is(KqlTokenKind.Identifier, "or"))
        {
            next++;
            Func<object?[], bool> first = left, second = And(table);
            left = row => first(row) || second(row);
        }

        return left;
    }

    private Func<object?[], bool> And(KqlTable table)
    {
        Func<object?[], bool> left = Term(table);
        while (Is(KqlTokenKind.Identifier, "and"))
        {
            next++;
            Func<object?[], bool> first = left, second = Term(table);
            left = row => first(row) && second(row);
        }

        return left;
    }

    private Func<object?[], bool> Term(KqlTable table)
    {
        if (Is(KqlTokenKind.Symbol, "("))
        {
            next++;
            Func<object?[], bool> inner = Or(table);
            Expect(")");
            return inner;
        }

        KqlToken first = Take();
        if (first.Text is "not" or "isempty" or "isnotempty")
        {
            Expect("(");
            if (first.Text == "not")
            {
                Func<object?[], bool> negated = Or(table);
                Expect(")");
                return row => !negated(row);
            }

            int column = table.IndexOf(Take().Text, "where");
            Expect(")");
            return first.Text == "isempty" ? row => string.IsNullOrEmpty(Convert.ToString(row[column], System.Globalization.CultureInfo.InvariantCulture)) : row => !string.IsNullOrEmpty(Convert.ToString(row[column], System.Globalization.CultureInfo.InvariantCulture));
        }

        if (first.Kind != KqlTokenKind.Identifier)
        {
            throw KqlError.Syntax(first.Text, first.Position);
        }

        int index = table.IndexOf(first.Text, "where");
        KqlToken op = Take();
        switch (op.Text)
        {
            case "in" or "!in":
                Expect("(");
                var values = new List<object?> { Value() };
                while (Is(KqlTokenKind.Symbol, ","))
                {
                    next++;
                    values.Add(Value());
                }

                Expect(")");
                bool include = op.Text == "in";
                return row => values.Any(value => Compare(row[index], value) == 0) == include;
            case "between":
                Expect("(");
                object? low = Value();
                Expect("..");
                object? high = Value();
                Expect(")");
                return row => row[index] is not null && Compare(row[index], low) >= 0 && Compare(row[index], high) <= 0;
            case "contains" or "!contains" or "has" or "!has" or "startswith" or "endswith":
                string text = Convert.ToString(Value(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
                Func<string, bool> test = op.Text.TrimStart('!') switch
                {
                    "startswith" => candidate => candidate.StartsWith(text, StringComparison.OrdinalIgnoreCase),
                    "endswith" => candidate => candidate.EndsWith(text, StringComparison.OrdinalIgnoreCase),
                    _ => candidate => candidate.Contains(text, StringComparison.OrdinalIgnoreCase),
                };
                bool negate = op.Text.StartsWith('!');
                return row => test(Convert.ToString(row[index], System.Globalization.CultureInfo.InvariantCulture) ?? "") != negate;
            case "==" or "!=" or "=~" or "!~" or "<" or "<=" or ">" or ">=":
                object? right = Value();
                return op.Text switch
                {
                    "==" => row => Compare(row[index], right) == 0,
                    "!=" => row => Compare(row[index], right) != 0,
                    "=~" => row => string.Equals(Convert.ToString(row[index], System.Globalization.CultureInfo.InvariantCulture), Convert.ToString(right, System.Globalization.CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase),
                    "!~" => row => !string.Equals(Convert.ToString(row[index], System.Globalization.CultureInfo.InvariantCulture), Convert.ToString(right, System.Globalization.CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase),
                    "<" => row => row[index] is not null && Compare(row[index], right) < 0,
                    "<=" => row => row[index] is not null && Compare(row[index], right) <= 0,
                    ">" => row => row[index] is not null && Compare(row[index], right) > 0,
                    _ => row => row[index] is not null && Compare(row[index], right) >= 0,
                };
            default:
                throw KqlError.Syntax(op.Text, op.Position);
        }
    }

    private object? Value()
    {
        KqlToken token = Take();
        switch (token.Kind)
        {
            case KqlTokenKind.String or KqlTokenKind.DateTime or KqlTokenKind.TimeSpan:
                return token.Value;
            case KqlTokenKind.Number:
                return (long)(double)token.Value!;
            case KqlTokenKind.Identifier when token.Text == "ago":
                Expect("(");
                KqlToken span = Take();
                Expect(")");
                return span.Value is TimeSpan back ? nowUtc - back : throw KqlError.Syntax(span.Text, span.Position);
            case KqlTokenKind.Identifier when token.Text == "now":
                Expect("(");
                Expect(")");
                return nowUtc;
            case KqlTokenKind.Identifier when token.Text is "true" or "false":
                return token.Text;
            default:
                throw KqlError.Syntax(token.Text, token.Position);
        }
    }

    private List<string> Names()
    {
        var names = new List<string> { Take().Text };
        while (Is(KqlTokenKind.Symbol, ","))
        {
            next++;
            names.Add(Take().Text);
        }

        return names;
    }

    private int Count()
    {
        KqlToken token = Take();
        return token.Kind == KqlTokenKind.Number ? (int)(double)token.Value! : throw KqlError.Syntax(token.Text, token.Position);
    }

    /// <summary>Strings ordinally, times and numbers by value; null first.</summary>
    private static int Compare(object? left, object? right) => (left, right) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (DateTime a, DateTime b) => a.CompareTo(b),
        (long a, long b) => a.CompareTo(b),
        _ => string.CompareOrdinal(Convert.ToString(left, System.Globalization.CultureInfo.InvariantCulture), Convert.ToString(right, System.Globalization.CultureInfo.InvariantCulture)),
    };

    private bool Is(KqlTokenKind kind, string? text = null) => tokens[next].Kind == kind && (text is null || tokens[next].Text == text);

    private KqlToken Take()
    {
        KqlToken token = tokens[next];
        if (token.Kind == KqlTokenKind.End)
        {
            throw KqlError.Syntax(token.Text, token.Position);
        }

        next++;
        return token;
    }

    private void Expect(string text)
    {
        KqlToken token = tokens[next];
        if (token.Text != text)
        {
            throw KqlError.Syntax(token.Text, token.Position);
        }

        next++;
    }
}
