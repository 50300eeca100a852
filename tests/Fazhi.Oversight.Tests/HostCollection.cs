namespace Fazhi.Oversight.Tests;

/// <summary>One host for all oversight integration tests in the run.</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<FazhiFactory>
{
    public const string Name = "oversight-host";
}
