namespace LazyMigrate.Cli.Workspace;

/// <summary>A project of the target that was not analyzed, and why.</summary>
/// <param name="Path">Full path of the project file.</param>
/// <param name="Reason">Why it was skipped (one line).</param>
/// <param name="IsFailure">True when a C# project could not be loaded (an error); false for projects in other languages (expected).</param>
public sealed record SkippedProject(string Path, string Reason, bool IsFailure);
