namespace LazyMigrate.Cli.Infrastructure;

/// <summary>How much progress and detail the CLI prints on stderr.</summary>
public enum Verbosity
{
    /// <summary>Only errors and the report itself.</summary>
    Quiet,

    /// <summary>Stage progress (loading, analyzing, fixing) and summaries.</summary>
    Normal,

    /// <summary>Per-project progress, timings and MSBuild warnings.</summary>
    Detailed,
}
