using System.Threading.Tasks;

namespace LazyMigrate.Cli.Tests.Infrastructure;

/// <summary>One restored sample shared by the read-only scan tests.</summary>
public sealed class ScanFixture : IAsyncLifetime
{
    public SampleSolution Sample { get; private set; } = null!;

    public async Task InitializeAsync() => Sample = await SampleSolution.CreateAsync();

    public Task DisposeAsync()
    {
        Sample.Dispose();
        return Task.CompletedTask;
    }
}
