namespace Fazhi.Enforcement.Tests.Infrastructure;

/// <summary>One host for all enforcement integration tests in the run.</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<FazhiFactory>
{
    public const string Name = "enforcement-host";
}
