using System.Collections.Generic;
using System.Linq;

namespace LazyMigrate.Cli.Explaining;

/// <summary>An LZM diagnostic that explains a heavy load, and how it was matched to the load's call path.</summary>
/// <param name="Id">Rule id.</param>
/// <param name="Message">The diagnostic's message.</param>
/// <param name="File">Full path of the file it is in.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Package">The heavy package the diagnostic names, or null.</param>
/// <param name="Fixable">True when a LazyMigrate code fix is offered for it.</param>
/// <param name="FrameIndex">Index of the user frame it explains (0 = innermost), or -1 for the entry point.</param>
/// <param name="Reason">How it lies on the path: in the frame's method, in a member the frame's line uses, in a static initialization the line triggers, or in the entry point.</param>
public sealed record ExplainingDiagnostic(string Id, string Message, string File, int Line, int Column, string? Package, bool Fixable, int FrameIndex, string Reason);

/// <summary>A heavy load and the diagnostics that explain it (none: a blind spot of the analyzers).</summary>
/// <param name="Load">The load.</param>
/// <param name="Diagnostics">The diagnostics of the innermost user frame that has any: what the report names.</param>
/// <param name="Fixes">
/// The fixable diagnostics of the innermost frame that has one, from that frame outward: what <c>migrate</c> applies.
/// The same frame's fixable diagnostics when it has some; an outer frame's when the innermost explaining
/// diagnostics have no fix (a factory's <c>new</c> reached from a field initializer that does have one).
/// </param>
public sealed record LoadExplanation(HeavyLoad Load, IReadOnlyList<ExplainingDiagnostic> Diagnostics, IReadOnlyList<ExplainingDiagnostic> Fixes)
{
    /// <summary>A load with its explaining diagnostics, whose fixes are those of them that are fixable.</summary>
    public LoadExplanation(HeavyLoad load, IReadOnlyList<ExplainingDiagnostic> diagnostics)
        : this(load, diagnostics, diagnostics.Where(d => d.Fixable).ToList())
    {
    }

    /// <summary>True when some diagnostic explains the load.</summary>
    public bool Explained => Diagnostics.Count > 0;

    /// <summary>The fixes come from a frame further out than the explaining diagnostics (none of which has a fix).</summary>
    public bool FixedFurtherOut => Fixes.Count > 0 && !Diagnostics.Any(d => d.Fixable);
}

/// <summary>The explanations of every heavy load before ready, or why the loads could not be matched to diagnostics.</summary>
/// <param name="Loads">Every heavy load, in order of first load.</param>
/// <param name="Analyzed">True when the project was analyzed (otherwise no load counts as explained or unexplained).</param>
/// <param name="Project">The project or solution analyzed, if any.</param>
/// <param name="RootDirectory">Paths in reports are relative to this folder.</param>
/// <param name="Note">Why nothing was analyzed, when <paramref name="Analyzed"/> is false.</param>
public sealed record ExplanationReport(IReadOnlyList<LoadExplanation> Loads, bool Analyzed, string? Project, string RootDirectory, string? Note)
{
    /// <summary>Loads some diagnostic explains.</summary>
    public IEnumerable<LoadExplanation> ExplainedLoads => Analyzed ? Loads.Where(l => l.Explained) : Enumerable.Empty<LoadExplanation>();

    /// <summary>Loads no diagnostic explains: the analyzers' blind spots.</summary>
    public IEnumerable<LoadExplanation> UnexplainedLoads => Analyzed ? Loads.Where(l => !l.Explained) : Enumerable.Empty<LoadExplanation>();
}
