using System.Collections.Generic;
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
using Microsoft.CodeAnalysis.Text;
using static LazyMigrate.CodeFixes.Tests.Rules.LZM0003LazyValueMoveShapes;

namespace LazyMigrate.CodeFixes.Tests.Rules;

/// <summary>
/// Which LZM0003 fix comes first: the factory registration by default (IDE, Fix All, dotnet format),
/// the move when <see cref="LZM0003LazyValueMoveShapes.MovePreferred"/> is set; the IDE offers both.
/// </summary>
public class LZM0003LazyValueMoveFixOrderTests
{
    /// <summary>With the move preferred, the IDE user can still pick the factory: its own key, applied by Fix All under that key too.</summary>
    [Fact]
    public Task Move_preferred_factory_key_still_registers_a_factory()
    {
        var test = new LazyFixTest<LZM0003FactoryRegistrationFixer>(runtime: true, MovePreferred)
        {
            CodeActionEquivalenceKey = LZM0003FactoryRegistrationFixer.Key,
        };
        test.TestState.Sources.Add(("Registration.cs", Registration(FlaggedRegistration)));
        test.TestState.Sources.Add(("Consumer.cs", Consumer));
        test.FixedState.Sources.Add(("Registration.cs", Registration(FactoryRegistration)));
        test.FixedState.Sources.Add(("Consumer.cs", Consumer));
        return test.RunAsync();
    }

    /// <summary>
    /// Without the option, the first fix (the IDE default, Fix All, dotnet format) is the factory
    /// registration even where the move applies: consumers keep their constructor parameters.
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData("lazymigrate.lzm0003.preferred_fix = factory_registration")]
    [InlineData("lazymigrate.lzm0003.preferred_fix = something_else")]
    public Task By_default_first_fix_and_fix_all_register_a_factory_consumers_untouched(string? analyzerConfig)
    {
        var test = new LazyFixTest<LZM0003FactoryRegistrationFixer>(runtime: true, analyzerConfig);
        test.TestState.Sources.Add(("Registration.cs", Registration(FlaggedRegistration)));
        test.TestState.Sources.Add(("Consumer.cs", Consumer));
        test.FixedState.Sources.Add(("Registration.cs", Registration(FactoryRegistration)));
        test.FixedState.Sources.Add(("Consumer.cs", Consumer));
        return test.RunAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task IDE_offers_both_the_option_decides_which_comes_first(bool movePreferred)
    {
        var references = TestReferences.Framework;
        using var workspace = new AdhocWorkspace();
        var project = workspace.CurrentSolution
            .AddProject("App", "App", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .AddMetadataReferences(references)
            .AddMetadataReferences(TestReferences.Heavy)
            .AddMetadataReference(TestReferences.Runtime);
        project = project.AddDocument("Registration.cs", RegistrationTemplate.Replace("REGISTRATION", "services.AddSingleton(new MLContext(seed: 1));"), filePath: "/app/Registration.cs").Project;
        project = project.AddDocument("Consumer.cs", Consumer, filePath: "/app/Consumer.cs").Project;
        if (movePreferred)
        {
            project = project.AddAnalyzerConfigDocument(".editorconfig", SourceText.From("root = true\n\n[*.cs]\n" + MovePreferred + "\n"), filePath: "/app/.editorconfig").Project;
        }

        var compilation = await project.GetCompilationAsync();
        var diagnostics = await compilation!.WithAnalyzers(AllAnalyzers.Create()).GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "LZM0003");
        var document = project.GetDocument(diagnostic.Location.SourceTree)!;

        var actions = new List<CodeAction>();
        await new LZM0003FactoryRegistrationFixer().RegisterCodeFixesAsync(
            new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));

        var move = ("Move the singleton to a lazy value", LZM0003FactoryRegistrationFixer.MoveKey);
        var factory = ("Register a factory (build on first resolve)", LZM0003FactoryRegistrationFixer.Key);
        Assert.Equal(
            movePreferred ? new[] { move, factory } : new[] { factory, move },
            actions.Select(a => (a.Title, a.EquivalenceKey ?? string.Empty)));

        // The move edits both files; the factory only the registration.
        var moveAction = actions.Single(a => a.EquivalenceKey == LZM0003FactoryRegistrationFixer.MoveKey);
        var factoryAction = actions.Single(a => a.EquivalenceKey == LZM0003FactoryRegistrationFixer.Key);
        Assert.Equal(new[] { "Consumer.cs", "Registration.cs" }, await ChangedDocumentsAsync(moveAction, project.Solution));
        Assert.Equal(new[] { "Registration.cs" }, await ChangedDocumentsAsync(factoryAction, project.Solution));
    }

    private static async Task<string[]> ChangedDocumentsAsync(CodeAction action, Solution before)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var after = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return after.GetChanges(before).GetProjectChanges()
            .SelectMany(p => p.GetChangedDocuments())
            .Select(id => after.GetDocument(id)!.Name)
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .ToArray();
    }
}
