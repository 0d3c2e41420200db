using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace LazyMigrate.CodeFixes.Tests.Infrastructure;

/// <summary>Shorthands for the common test shapes.</summary>
internal static class Verify<TFixer>
    where TFixer : CodeFixProvider, new()
{
    /// <summary>One file before/after; the framework also checks Fix All in document, project and solution scope.</summary>
    /// <param name="analyzerConfig">Lines of a global analyzer config (e.g. naming rules), if any.</param>
    /// <param name="generator">Whether the project runs the [LazyValue] generator (the fixes then may write partial properties).</param>
    /// <param name="languageVersion">The project's language version; Latest when null.</param>
    public static Task FixAsync(string source, string fixedSource, bool runtime, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, string? analyzerConfig = null,
        bool generator = false, LanguageVersion? languageVersion = null)
    {
        var test = new LazyFixTest<TFixer>(runtime, analyzerConfig, generator)
        {
            LanguageVersion = languageVersion ?? LanguageVersion.Latest,
            TestCode = source,
            FixedCode = fixedSource,
        };
        test.TestState.OutputKind = outputKind;
        if (source != fixedSource)
        {
            // Markup in the fixed code lists the diagnostics that remain (reported, no fix offered).
            test.FixedState.MarkupHandling = MarkupMode.Allow;
        }

        return test.RunAsync();
    }

    /// <summary>The diagnostics are reported but no fix is offered (fixed code = original code).</summary>
    public static Task NoFixAsync(string source, bool runtime, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
        => FixAsync(source, source, runtime, outputKind);
}
