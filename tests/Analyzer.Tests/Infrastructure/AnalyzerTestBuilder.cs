using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Analyzers.Rules;
using LazyMigrate.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LazyMigrate.Analyzers.Tests.Infrastructure;

/// <summary>
/// Fluent builder over Microsoft.CodeAnalysis.Testing (in Meziantou's style). Every test runs ALL the
/// LazyMigrate analyzers, so the markup states the complete set of diagnostics: precedence between
/// rules (at most one of LZM0001/2/3/5 per expression) is checked by every test.
/// </summary>
internal sealed class AnalyzerTestBuilder
{
    private readonly List<(string Path, string Source)> _sources = new();
    private readonly StringBuilder _editorConfig = new();
    private readonly StringBuilder _globalConfig = new();
    private readonly List<DiagnosticResult> _expected = new();
    private readonly List<MetadataReference> _references = new(AnalyzerTestReferences.All);
    private readonly List<(string Name, string Source)> _projects = new();
    private OutputKind _outputKind = OutputKind.DynamicallyLinkedLibrary;

    public static AnalyzerTestBuilder Create() => new();

    /// <summary>A source file with markup: <c>{|LZM0002:new InferenceSession("m")|}</c>.</summary>
    public AnalyzerTestBuilder WithSource(string source) => WithSource($"/0/Test{_sources.Count}.cs", source);

    public AnalyzerTestBuilder WithSource(string path, string source)
    {
        _sources.Add((path, source));
        return this;
    }

    /// <summary>
    /// Another project of the solution, referenced by the tested one as a project (the analysis then
    /// sees its source, as a whole-solution analysis does).
    /// </summary>
    public AnalyzerTestBuilder WithReferencedProject(string name, string source)
    {
        _projects.Add((name, source));
        return this;
    }

    /// <summary>Top-level statements need an executable.</summary>
    public AnalyzerTestBuilder AsConsoleApplication()
    {
        _outputKind = OutputKind.ConsoleApplication;
        return this;
    }

    /// <summary>Lines for the <c>[*.cs]</c> section of the root .editorconfig.</summary>
    public AnalyzerTestBuilder WithEditorConfig(string line)
    {
        _editorConfig.AppendLine(line);
        return this;
    }

    /// <summary>Lines for a global analyzer config (<c>is_global = true</c>).</summary>
    public AnalyzerTestBuilder WithGlobalConfig(string line)
    {
        _globalConfig.AppendLine(line);
        return this;
    }

    public AnalyzerTestBuilder WithoutHeavyReferences()
    {
        _references.Clear();
        return this;
    }

    public AnalyzerTestBuilder WithReference(MetadataReference reference)
    {
        _references.Add(reference);
        return this;
    }

    /// <summary>An expected diagnostic beyond the markup (e.g. with a changed severity).</summary>
    public AnalyzerTestBuilder Expect(DiagnosticResult result)
    {
        _expected.Add(result);
        return this;
    }

    public Task ValidateAsync(CancellationToken cancellationToken = default)
    {
        var test = new AllAnalyzersTest();
        test.TestState.OutputKind = _outputKind;
        foreach (var (path, source) in _sources)
        {
            test.TestState.Sources.Add((path, source));
        }

        if (_editorConfig.Length > 0)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + _editorConfig));
        }

        if (_globalConfig.Length > 0)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + _globalConfig));
        }

        foreach (var (name, source) in _projects)
        {
            var project = new ProjectState(name, LanguageNames.CSharp, $"/{name}/Test", "cs");
            project.Sources.Add(($"/{name}/Test0.cs", source));
            project.AdditionalReferences.AddRange(FrameworkReferences.All);
            project.AdditionalReferences.AddRange(_references);
            test.TestState.AdditionalProjects.Add(name, project);
            test.TestState.AdditionalProjectReferences.Add(name);
        }

        test.ExpectedDiagnostics.AddRange(_expected);
        test.TestState.AdditionalReferences.AddRange(FrameworkReferences.All);
        test.TestState.AdditionalReferences.AddRange(_references);
        return test.RunAsync(cancellationToken);
    }

    private sealed class AllAnalyzersTest : CSharpAnalyzerTest<LZM0001StaticHeavyInitializerAnalyzer, DefaultVerifier>
    {
        public AllAnalyzersTest()
        {
            // The framework comes from the installed targeting packs (FrameworkReferences): nothing to download.
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AllAnalyzers.Create();
    }
}
