using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LazyMigrate.Analyzers.Tests.Infrastructure;
using LazyMigrate.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Analyzers.Tests.Meta;

/// <summary>
/// The IDE runs analyzers on code that is being typed. Every line prefix of realistic files, and each
/// file with random single-token deletions, must analyze without an analyzer exception (AD0001) and
/// with every diagnostic inside the text.
/// </summary>
public sealed class MidEditRobustnessTests
{
    private const int DeletionsPerFile = 40;

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestFiles"), "*.cs.txt").OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Complete_file_analyzes_cleanly_and_reports_something(string file)
    {
        var source = Read(file);
        var diagnostics = await AnalyzeAsync(source);
        Assert.Contains(diagnostics, d => d.Id.StartsWith("LZM", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_line_prefix_analyzes_without_analyzer_exceptions(string file)
    {
        var lines = Read(file).Split('\n');
        for (var count = 1; count <= lines.Length; count++)
        {
            await AnalyzeAsync(string.Join("\n", lines.Take(count)));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Random_single_token_deletions_analyze_without_analyzer_exceptions(string file)
    {
        var source = Read(file);
        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
        var random = new Random(file.GetHashCode(StringComparison.Ordinal) & 0x7fffffff);
        for (var i = 0; i < DeletionsPerFile; i++)
        {
            var token = tokens[random.Next(tokens.Count)];
            await AnalyzeAsync(source.Remove(token.SpanStart, token.Span.Length));
        }
    }

    private static string Read(string file) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestFiles", file)).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static readonly Lazy<CSharpCompilation> s_empty = new(() => DiagnosticsRunner.Compile(Array.Empty<string>(), OutputKind.ConsoleApplication));

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Edit.cs");
        var compilation = s_empty.Value.AddSyntaxTrees(tree);
        var exceptions = new ConcurrentBag<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            AllAnalyzers.Create(),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (e, _, _) => exceptions.Add(e), concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();

        Assert.True(exceptions.IsEmpty, "analyzer threw on:\n" + source + "\n\n" + string.Join("\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        foreach (var diagnostic in diagnostics)
        {
            Assert.True(diagnostic.Location.IsInSource, $"{diagnostic.Id} has no source location");
            Assert.Same(tree, diagnostic.Location.SourceTree);
            Assert.InRange(diagnostic.Location.SourceSpan.End, 0, source.Length);
        }

        return diagnostics;
    }
}
