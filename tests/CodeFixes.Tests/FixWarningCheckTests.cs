using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Infrastructure;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LazyMigrate.CodeFixes.Tests;

/// <summary>
/// The pipeline's compile check counts warnings too: a rewrite that would add one (it would break a
/// TreatWarningsAsErrors build) is not applied, and a batch run learns why from the skip log.
/// </summary>
public class FixWarningCheckTests
{
    private const string Source = """
        public static class Startup
        {
            public static void Run()
            {
            }
        }
        """;

    [Fact]
    public async Task A_rewrite_that_adds_a_warning_is_skipped_and_the_reason_is_logged()
    {
        var skipped = new List<SkippedFix>();
        Document? fixedDocument;
        using (FixSkipLog.Collect(skipped))
        {
            fixedDocument = await FixAsync("int unused = 0;");
        }

        Assert.Null(fixedDocument);
        var entry = Assert.Single(skipped);
        Assert.Equal(("Startup.cs", 3, "TEST0001"), (entry.Path, entry.Line, entry.RuleId));
        Assert.Equal("the fix would add warning CS0219: The variable 'unused' is assigned but its value is never used", entry.Reason);
    }

    [Fact]
    public async Task A_rewrite_that_adds_no_warning_is_applied_and_nothing_is_logged()
    {
        var skipped = new List<SkippedFix>();
        Document? fixedDocument;
        using (FixSkipLog.Collect(skipped))
        {
            fixedDocument = await FixAsync("System.Console.WriteLine();");
        }

        Assert.NotNull(fixedDocument);
        Assert.Contains("System.Console.WriteLine();", (await fixedDocument!.GetTextAsync()).ToString());
        Assert.Empty(skipped);
    }

    [Fact]
    public async Task Outside_a_collecting_run_nothing_is_logged()
    {
        var skipped = new List<SkippedFix>();
        using (FixSkipLog.Collect(skipped))
        {
        }

        Assert.Null(await FixAsync("int unused = 0;"));
        Assert.Empty(skipped);
    }

    private static async Task<Document?> FixAsync(string statement)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "App", "App", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: TestReferences.Framework));
        var document = workspace.AddDocument(project.Id, "Startup.cs", SourceText.From(Source));
        var tree = (await document.GetSyntaxTreeAsync())!;
        var method = (await tree.GetRootAsync()).DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var descriptor = new DiagnosticDescriptor("TEST0001", "Test", "Test", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
        var diagnostic = Diagnostic.Create(descriptor, Location.Create(tree, method.Identifier.Span));
        return await new AddStatementFixer(statement).FixDocumentAsync(document, ImmutableArray.Create(diagnostic), CancellationToken.None);
    }

    /// <summary>Appends one statement to the method of the diagnostic.</summary>
    private sealed class AddStatementFixer : LazyFixerBase
    {
        private readonly string _statement;

        public AddStatementFixer(string statement) => _statement = statement;

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("TEST0001");

        protected internal override string EquivalenceKey => "Test.AddStatement";

        protected override string GetTitle(bool runtime) => "Add a statement";

        internal override async Task<Document?> ApplyAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = (await document.GetSyntaxRootAsync(cancellationToken))!;
            var method = target.FirstAncestorOrSelf<MethodDeclarationSyntax>()!;
            var changed = method.WithBody(method.Body!.AddStatements(SyntaxFactory.ParseStatement(_statement)));
            return document.WithSyntaxRoot(root.ReplaceNode(method, changed));
        }
    }
}
