using System;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Another wire name a property is read from, where Microsoft's documented bodies spell a property two ways (the
/// incidents list with $expand=alerts shows "tags" and comments with "createdBy"/"createdTime"). The property's own
/// camelCase name is always read too; only that name is ever written.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
public sealed class GraphWireNameAttribute : Attribute
{
    public GraphWireNameAttribute(string name)
    {
        Name = name;
    }

    public string Name { get; }
}
