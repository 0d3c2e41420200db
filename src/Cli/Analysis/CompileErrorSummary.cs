using System.Collections.Generic;

namespace LazyMigrate.Cli.Analysis;

/// <summary>The compile errors of one project: reported, not fatal (the project is still analyzed).</summary>
public sealed record CompileErrorSummary(string Project, int ErrorCount, IReadOnlyList<string> FirstErrors);
