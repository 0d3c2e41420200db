using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using LazyMigrate.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.CodeFixes.Tests;

/// <summary>
/// A fix that would change no text is not offered: no quick fix that does nothing in the IDE, and no
/// Fix All whose result differs from the input only as a new solution object (dotnet format and
/// lazymigrate fix would count its documents as changed).
/// </summary>
public class FixAllNoChangeTests
{
    // Every diagnostic here is reported but no rewrite applies: an existing instance is registered.
    private const string Source = """
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public static class Registration
        {
            public static void Register(IServiceCollection services)
            {
                var options = new SessionOptions();
                options.LogVerbosityLevel = 2;
                services.AddSingleton(options);
            }
        }
        """;

    [Theory]
    [InlineData(LZM0003FactoryRegistrationFixer.Key)]
    [InlineData(LZM0003FactoryRegistrationFixer.MoveKey)]
    public async Task Refused_everywhere_no_code_action_and_fix_all_is_not_offered(string equivalenceKey)
    {
        var (document, diagnostics) = await AnalyzeAsync(Source);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "LZM0003");
        var fixer = new LZM0003FactoryRegistrationFixer();

        var actions = new List<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        Assert.Empty(actions);

        foreach (var scope in new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution })
        {
            var context = new FixAllContext(document, fixer, scope, equivalenceKey, new[] { "LZM0003" }, new FixedDiagnostics(diagnostics), CancellationToken.None);
            var fixAll = await fixer.GetFixAllProvider()!.GetFixAsync(context);
            Assert.True(fixAll is null, $"Fix All ({scope}, {equivalenceKey}) was offered although it changes no text");
        }
    }

    [Fact]
    public async Task Fix_all_changes_only_documents_whose_text_changes()
    {
        // One fixable registration beside the refused one, in another file.
        const string Fixable = """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.ML.OnnxRuntime;

            namespace App;

            public static class More
            {
                public static void Register(IServiceCollection services)
                {
                    services.AddSingleton(new SessionOptions());
                }
            }
            """;
        var (document, diagnostics) = await AnalyzeAsync(Source, Fixable);
        Assert.Equal(2, diagnostics.Count(d => d.Id == "LZM0003"));
        var fixer = new LZM0003FactoryRegistrationFixer();

        foreach (var key in new[] { LZM0003FactoryRegistrationFixer.Key, LZM0003FactoryRegistrationFixer.MoveKey })
        {
            var context = new FixAllContext(document, fixer, FixAllScope.Solution, key, new[] { "LZM0003" }, new FixedDiagnostics(diagnostics), CancellationToken.None);
            var fixAll = await fixer.GetFixAllProvider()!.GetFixAsync(context);
            Assert.NotNull(fixAll);
            var operations = await fixAll!.GetOperationsAsync(CancellationToken.None);
            var after = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            var changed = after.GetChanges(document.Project.Solution).GetProjectChanges()
                .SelectMany(p => p.GetChangedDocuments().Concat(p.GetAddedDocuments()))
                .Select(id => after.GetDocument(id)!.Name)
                .ToArray();
            Assert.Equal(new[] { "More.cs" }, changed);
        }
    }

    private static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeAsync(string registration, string? more = null)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.CurrentSolution
            .AddProject("App", "App", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .AddMetadataReferences(TestReferences.Framework)
            .AddMetadataReferences(TestReferences.Heavy)
            .AddMetadataReference(TestReferences.Runtime);
        var document = project.AddDocument("Registration.cs", registration, filePath: "/app/Registration.cs");
        if (more is not null)
        {
            document = document.Project.AddDocument("More.cs", more, filePath: "/app/More.cs").Project.GetDocument(document.Id)!;
        }

        var compilation = await document.Project.GetCompilationAsync();
        var diagnostics = await compilation!.WithAnalyzers(AllAnalyzers.Create()).GetAnalyzerDiagnosticsAsync();
        return (document, diagnostics);
    }

    /// <summary>Hands Fix All the diagnostics computed up front.</summary>
    private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = document.GetSyntaxTreeAsync(cancellationToken).GetAwaiter().GetResult();
            return Task.FromResult(_diagnostics.Where(d => d.Location.SourceTree == tree));
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}
