using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LazyMigrate.Cli.Fixing;

/// <summary>
/// Hands the Fix All provider the diagnostics the CLI already computed (filtered by the user's
/// options), instead of letting it recompute them without our filters.
/// </summary>
public sealed class PrecomputedDiagnosticProvider : FixAllContext.DiagnosticProvider
{
    private readonly IReadOnlyList<(ProjectId Project, Diagnostic Diagnostic)> _diagnostics;

    /// <summary>Creates the provider.</summary>
    public PrecomputedDiagnosticProvider(IReadOnlyList<(ProjectId Project, Diagnostic Diagnostic)> diagnostics)
    {
        _diagnostics = diagnostics;
    }

    /// <inheritdoc />
    public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
    {
        var result = _diagnostics
            .Where(d => d.Project == document.Project.Id && d.Diagnostic.Location.IsInSource
                && string.Equals(d.Diagnostic.Location.SourceTree!.FilePath, document.FilePath, StringComparison.Ordinal))
            .Select(d => d.Diagnostic)
            .ToList();
        return Task.FromResult<IEnumerable<Diagnostic>>(result);
    }

    /// <inheritdoc />
    public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
    {
        var result = _diagnostics.Where(d => d.Project == project.Id && !d.Diagnostic.Location.IsInSource).Select(d => d.Diagnostic).ToList();
        return Task.FromResult<IEnumerable<Diagnostic>>(result);
    }

    /// <inheritdoc />
    public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
    {
        var result = _diagnostics.Where(d => d.Project == project.Id).Select(d => d.Diagnostic).ToList();
        return Task.FromResult<IEnumerable<Diagnostic>>(result);
    }
}
