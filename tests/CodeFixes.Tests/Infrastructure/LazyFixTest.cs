using System;
using System.Collections.Generic;
using System.Linq;
using LazyMigrate.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LazyMigrate.CodeFixes.Tests.Infrastructure;

/// <summary>
/// A code-fix test that runs every real analyzer of LazyMigrate.Analyzers (so "no new diagnostic of
/// another rule" is checked by the framework) and one fixer. The framework also applies the fix
/// through Fix All in document, project and solution scope and compares each with FixedState.
/// </summary>
internal sealed class LazyFixTest<TFixer> : CodeFixTest<DefaultVerifier>
    where TFixer : CodeFixProvider, new()
{
    /// <param name="runtime">Whether the primary project references LazyMigrate.Runtime.</param>
    /// <param name="analyzerConfig">Lines of a global analyzer config (like an .editorconfig that covers every file), if any.</param>
    /// <param name="generator">Whether the primary project runs the [LazyValue] generator (as with the LazyMigrate.Analyzers package).</param>
    public LazyFixTest(bool runtime, string? analyzerConfig = null, bool generator = false)
    {
        if (analyzerConfig is not null)
        {
            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + analyzerConfig + "\n"));
        }

        ReferenceAssemblies = TestReferences.None;
        // Every project gets the framework and the heavy stand-ins; only the primary project gets the
        // runtime, so a multi-project test has one project with and one without it.
        SolutionTransforms.Add((solution, projectId) =>
        {
            foreach (var id in solution.ProjectIds)
            {
                solution = solution.AddMetadataReferences(id, TestReferences.Framework.Concat(TestReferences.Heavy));
            }

            solution = generator ? solution.AddAnalyzerReference(projectId, GeneratorReference.Instance) : solution;
            return runtime ? solution.AddMetadataReference(projectId, TestReferences.Runtime) : solution;
        });
    }

    /// <summary>The language version of every project (Latest by default: the newest the test's compiler knows).</summary>
    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

    public override string Language => LanguageNames.CSharp;

    public override Type SyntaxKindType => typeof(SyntaxKind);

    protected override string DefaultFileExt => "cs";

    protected override CompilationOptions CreateCompilationOptions()
        => new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable)
            // The runtime is built for net8.0 and the references are the SDK's newer ones: the SDK's
            // own builds silence these two unification warnings by default.
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress });

    protected override ParseOptions CreateParseOptions()
        => new CSharpParseOptions(LanguageVersion, DocumentationMode.Diagnose);

    protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => new[] { new TFixer() };

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AllAnalyzers.Create();
}
