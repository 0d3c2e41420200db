namespace LazyMigrate.AspNetCore.Tests;

/// <summary>
/// Tests that start Kestrel hosts run one at a time: they share process-wide state (the runtime's
/// ready signal, its Meter, loaded assemblies) and the CI machine's two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KestrelCollection
{
    public const string Name = "Kestrel hosts";
}
