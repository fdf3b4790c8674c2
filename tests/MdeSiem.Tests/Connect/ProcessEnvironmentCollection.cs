using Xunit;

namespace MdeSiem.Tests.Connect;

/// <summary>Tests that set process environment variables run apart from each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
