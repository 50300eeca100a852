namespace Fazhi.Assessment.Tests.Infrastructure;

/// <summary>One host for all assessment tests in the run (xunit collection fixtures live in the test assembly).</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<FazhiFactory>
{
    public const string Name = "assessment-host";
}
