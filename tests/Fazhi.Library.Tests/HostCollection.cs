using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Library.Tests;

/// <summary>One host for the library's integration tests (it imports the product's fixtures once).</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<LibraryHost>
{
    public const string Name = "library-host";
}

/// <summary>The host with the product's demo laws imported and the index caught up.</summary>
public sealed class LibraryHost : IAsyncLifetime
{
    public FazhiFactory Factory { get; } = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Factory).InitializeAsync();
        await Factory.InScopeAsync(async sp =>
        {
            await ActivatorUtilities.CreateInstance<Fazhi.Library.Import.LibraryDemoSeed>(sp).SeedAsync(CancellationToken.None);
            await sp.GetRequiredService<Fazhi.Library.Search.IndexFollower>().CatchUpAsync(CancellationToken.None);
        });
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Factory).DisposeAsync();
}
