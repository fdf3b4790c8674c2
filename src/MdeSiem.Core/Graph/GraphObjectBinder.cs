using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Fills the Graph model classes from JSON by wire name (camelCase property = PascalCase property; an enum-valued
/// property goes to its *Value text). Reflection runs once per type to build compiled setters; each object then
/// costs only the setters. Properties a class does not model land in its AdditionalProperties (every model is a
/// <see cref="GraphObject"/>), never dropped; a property may also be read from the other names Microsoft's
/// documented bodies give it (<see cref="GraphWireNameAttribute"/>).
/// </summary>
internal static class GraphObjectBinder
{
    private static readonly ConcurrentDictionary<Type, TypeBinding> Bindings = new();

    public static T Bind<T>(JsonElement element)
        where T : class, new() => (T)Bind(typeof(T), element);

    public static object Bind(Type type, JsonElement element)
    {
        var binding = Bindings.GetOrAdd(type, TypeBinding.ForType);
        var target = binding.Create();
        binding.Fill(target, element);
        return target;
    }

    /// <summary>Any JSON value as a PowerShell-friendly object: string, long, double, bool, null or raw JSON text.</summary>
    public static object? ToPlainValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? (object)integer : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => element.GetRawText(),
    };

    public static DateTime? ToUtc(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = element.GetString();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // Graph writes offsets (Z) and up to seven fractional digits; no offset means UTC.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.UtcDateTime
            : null;
    }

    private static object? Convert(Type type, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return type == typeof(List<string>) ? new List<string>() : null;
        }

        if (type == typeof(string))
        {
            return element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
        }

        if (type == typeof(DateTime?))
        {
            return ToUtc(element);
        }

        if (type == typeof(long?))
        {
            return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var number) ? number
                : element.ValueKind == JsonValueKind.String && long.TryParse(element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed
                : null;
        }

        if (type == typeof(bool?))
        {
            return element.ValueKind is JsonValueKind.True or JsonValueKind.False ? element.GetBoolean() : null;
        }

        if (type == typeof(int?))
        {
            return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var small) ? small
                : element.ValueKind == JsonValueKind.String && int.TryParse(element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed
                : null;
        }

        if (type == typeof(double?))
        {
            // Edm.Double may come as a string for INF/NaN (OData JSON); anything else that is not a number is null.
            return element.ValueKind == JsonValueKind.Number ? element.GetDouble()
                : element.ValueKind == JsonValueKind.String && double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
                : null;
        }

        if (type == typeof(Guid?))
        {
            return element.ValueKind == JsonValueKind.String && Guid.TryParse(element.GetString(), out var guid) ? guid : null;
        }

        if (type == typeof(object))
        {
            return ToPlainValue(element);
        }

        if (type == typeof(Dictionary<string, object?>))
        {
            var bag = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    bag[property.Name] = ToPlainValue(property.Value);
                }
            }

            return bag;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var itemType = type.GetGenericArguments()[0];
            var list = (System.Collections.IList)Activator.CreateInstance(type)!;
            foreach (var item in Items(element))
            {
                list.Add(itemType == typeof(string) ? Convert(typeof(string), item) : BindObject(itemType, item));
            }

            return list;
        }

        return element.ValueKind == JsonValueKind.Object ? BindObject(type, element) : null;
    }

    /// <summary>An object of a declared type; evidence follows its @odata.type (a property may hold any evidence kind).</summary>
    private static object BindObject(Type type, JsonElement element) =>
        typeof(AlertEvidence).IsAssignableFrom(type) ? EvidenceFactory.Create(element, type) : Bind(type, element);

    private static IEnumerable<JsonElement> Items(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : Array.Empty<JsonElement>();

    private sealed class TypeBinding
    {
        private readonly Dictionary<string, (Type Type, Action<object, object?> Set)> _setters;
        private readonly Func<object, Dictionary<string, object?>>? _additional;

        private TypeBinding(Func<object> create, Dictionary<string, (Type, Action<object, object?>)> setters, Func<object, Dictionary<string, object?>>? additional)
        {
            Create = create;
            _setters = setters;
            _additional = additional;
        }

        public Func<object> Create { get; }

        public static TypeBinding ForType(Type type)
        {
            var setters = new Dictionary<string, (Type, Action<object, object?>)>(StringComparer.OrdinalIgnoreCase);
            Func<object, Dictionary<string, object?>>? additional = null;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.Name == "AdditionalProperties")
                {
                    var getter = property.GetGetMethod()!;
                    additional = target => (Dictionary<string, object?>)getter.Invoke(target, null)!;
                    continue;
                }

                if (!property.CanWrite || property.PropertyType.IsEnum || Nullable.GetUnderlyingType(property.PropertyType)?.IsEnum == true)
                {
                    // Typed enum views are computed from their *Value text.
                    continue;
                }

                var wireName = property.Name == "OdataType" ? "@odata.type"
                    : property.Name.EndsWith("Value", StringComparison.Ordinal) && type.GetProperty(property.Name.Substring(0, property.Name.Length - 5)) is { } typed
                        && (Nullable.GetUnderlyingType(typed.PropertyType)?.IsEnum ?? false) ? property.Name.Substring(0, property.Name.Length - 5)
                    : property.Name;
                var setter = (property.PropertyType, CompileSetter(type, property));
                setters[wireName] = setter;
                foreach (var alias in property.GetCustomAttributes<GraphWireNameAttribute>())
                {
                    setters[alias.Name] = setter;
                }
            }

            var constructor = Expression.Lambda<Func<object>>(Expression.Convert(Expression.New(type), typeof(object))).Compile();
            return new TypeBinding(constructor, setters, additional);
        }

        public void Fill(object target, JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (_setters.TryGetValue(property.Name, out var setter))
                {
                    setter.Set(target, Convert(setter.Type, property.Value));
                }
                else if (_additional is not null && !property.Name.StartsWith("@odata.", StringComparison.Ordinal) && !property.Name.Contains("@odata."))
                {
                    _additional(target)[property.Name] = ToPlainValue(property.Value);
                }
            }
        }

        private static Action<object, object?> CompileSetter(Type type, PropertyInfo property)
        {
            var target = Expression.Parameter(typeof(object), "target");
            var value = Expression.Parameter(typeof(object), "value");
            var assign = Expression.Assign(
                Expression.Property(Expression.Convert(target, type), property),
                Expression.Convert(value, property.PropertyType));
            return Expression.Lambda<Action<object, object?>>(assign, target, value).Compile();
        }
    }
}
