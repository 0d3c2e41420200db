namespace LazyMigrate.Cli.Tests.Infrastructure;

/// <summary>
/// CLI runs load MSBuild projects (each spawns a build host) and compile: run them one at a time so
/// the suite stays light on a shared 2-core machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CliCollection
{
    public const string Name = "cli";
}
