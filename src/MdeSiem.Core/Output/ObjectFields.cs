using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using MdeSiem.Core.Forwarding;

namespace MdeSiem.Core.Output;

/// <summary>
/// Reads a typed record (MdeSiemAlert, DefenderAlert, ...) as a <see cref="FieldSource"/> without PowerShell: its
/// public properties in declaration order, nested objects and lists converted the same way, by the same rules the
/// cmdlet layer applies to pipeline objects (enums, GUIDs and URIs as text, times and numbers as they are). The
/// property getters are compiled once per type, so -OutFile pays no reflection per record.
/// </summary>
public static class ObjectFields
{
    private const int MaxDepth = 8;
    private static readonly ConcurrentDictionary<Type, KeyValuePair<string, Func<object, object?>>[]> Getters = new();

    public static FieldSource From(object record) => From(record ?? throw new ArgumentNullException(nameof(record)), 0);

    private static FieldSource From(object record, int depth)
    {
        var source = new FieldSource();
        foreach (var getter in Getters.GetOrAdd(record.GetType(), Compile))
        {
            source.Add(getter.Key, Convert(getter.Value(record), depth + 1));
        }

        return source;
    }

    /// <summary>The public readable properties of <paramref name="type"/> in declaration order, with compiled getters.</summary>
    internal static KeyValuePair<string, Func<object, object?>>[] GettersOf(Type type) => Getters.GetOrAdd(type, Compile);

    /// <summary>A top-level property's value as <see cref="From(object)"/> stores it in the field set.</summary>
    internal static object? ConvertField(object? value) => Convert(value, 1);

    private static object? Convert(object? value, int depth) =>
        ConvertValue(value, depth, MaxDepth, Convert, From);

    /// <summary>
    /// The one set of rules for turning a property value into a field value, shared with the cmdlet layer (which
    /// unwraps PSObjects first and reads complex objects through PowerShell's adapters).
    /// </summary>
    /// <param name="value">The property's value.</param>
    /// <param name="depth">How deep in the record the value is.</param>
    /// <param name="maxDepth">Deeper than this, dictionaries, lists and objects are written as text.</param>
    /// <param name="convertNested">Converts an element of a list or dictionary (back into the caller's own rules).</param>
    /// <param name="readObject">Reads any other object as fields.</param>
    public static object? ConvertValue(object? value, int depth, int maxDepth, Func<object?, int, object?> convertNested, Func<object, int, object?> readObject)
    {
        if (convertNested is null || readObject is null)
        {
            throw new ArgumentNullException(convertNested is null ? nameof(convertNested) : nameof(readObject));
        }

        switch (value)
        {
            case null:
                return null;
            case string or bool or DateTime or DateTimeOffset or decimal:
                return value;
            case Enum or Guid or TimeSpan or Uri:
                return value.ToString();
            case IFieldSource:
                return value;
            case IDictionary dictionary:
                var nested = new FieldSource();
                foreach (DictionaryEntry entry in dictionary)
                {
                    nested.Add(entry.Key.ToString() ?? string.Empty, depth > maxDepth ? entry.Value?.ToString() : convertNested(entry.Value, depth + 1));
                }

                return nested;
            case IEnumerable items:
                var list = new List<object?>();
                foreach (var item in items)
                {
                    list.Add(depth > maxDepth ? item?.ToString() : convertNested(item, depth + 1));
                }

                return list;
        }

        if (value.GetType().IsPrimitive)
        {
            return value;
        }

        return depth > maxDepth ? value.ToString() : readObject(value, depth);
    }

    /// <summary>
    /// The properties a record is read by, in declaration order: public, readable, not indexers. -OutFile's typed
    /// writer walks the same list, so both paths write the same fields in the same order.
    /// </summary>
    internal static PropertyInfo[] ReadablePropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.CanRead && property.GetIndexParameters().Length == 0 && property.GetGetMethod() is not null)
            .ToArray();

    /// <summary>
    /// A compiled getter of <paramref name="property"/> on a record passed as object, its value converted to
    /// <typeparamref name="TValue"/> (boxed for object; a value type read as itself, or lifted to its nullable form).
    /// </summary>
    internal static Func<object, TValue> CompileGetter<TValue>(Type type, PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object), "record");
        var read = Expression.Property(Expression.Convert(instance, type), property);
        return Expression.Lambda<Func<object, TValue>>(Expression.Convert(read, typeof(TValue)), instance).Compile();
    }

    private static KeyValuePair<string, Func<object, object?>>[] Compile(Type type) =>
        ReadablePropertiesOf(type)
            .Select(property => new KeyValuePair<string, Func<object, object?>>(property.Name, CompileGetter<object?>(type, property)))
            .ToArray();
}
