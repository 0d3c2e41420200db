using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using LazyMigrate.Cli.Analysis;
using LazyMigrate.Cli.Tests.Infrastructure;

namespace LazyMigrate.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class FixTests
{
    // The sample with a heavy object built and used in one statement of Main: LZM0002 reports it, and its
    // fix has nothing to defer (the statement runs for its effect).
    private static readonly string WithHeavyCallInMain = SampleSolution.ProgramSource.Replace(
        "        Services.Counter++;\n",
        "        Services.Counter++;\n        Console.WriteLine(new ModelSession(\"inline\").Run());\n",
        StringComparison.Ordinal);

    private static int HeavyCallLine => WithHeavyCallInMain.Split('\n').ToList().FindIndex(l => l.Contains("\"inline\"", StringComparison.Ordinal)) + 1;

    [Fact]
    public async Task Dry_run_prints_a_unified_diff_and_writes_nothing()
    {
        using var sample = await SampleSolution.CreateAsync();
        var before = Snapshot(sample.Root);

        var result = await CliRunner.RunAsync(sample.Root, "fix", sample.SolutionPath, "--dry-run");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("--- a/App/Program.cs", result.Out);
        Assert.Contains("+++ b/App/Program.cs", result.Out);
        Assert.Contains("@@ -", result.Out);
        Assert.Contains("-    public static readonly ModelSession Session = new ModelSession(\"model.onnx\");", result.Out);
        Assert.Contains("nothing was written", result.Out);
        Assert.Equal(before, Snapshot(sample.Root));
    }

    [Fact]
    public async Task Verify_no_changes_before_the_migration_is_exit_1_with_the_diff_and_writes_nothing()
    {
        using var sample = await SampleSolution.CreateAsync();
        var before = Snapshot(sample.Root);

        var result = await CliRunner.RunAsync(sample.Root, "fix", sample.SolutionPath, "--verify-no-changes");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("--- a/App/Program.cs", result.Out);
        Assert.Equal(before, Snapshot(sample.Root));
    }

    [Fact]
    public async Task Fix_rewrites_the_code_which_then_builds_runs_the_same_and_a_second_fix_is_a_no_op()
    {
        using var sample = await SampleSolution.CreateAsync();

        // What SampleSolution.ProgramSource prints with an argument (read off the source, not run).
        const string expectedOutput = "ran warm\ncounter 1 model.onnx\n";

        var result = await CliRunner.RunAsync(sample.Root, "fix", sample.SolutionPath);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("LZM0001", result.Out);
        var fixedSource = File.ReadAllText(sample.ProgramPath);
        Assert.DoesNotContain("public static readonly ModelSession Session = new ModelSession", fixedSource);
        Assert.Contains("Session", fixedSource);
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(sample.Root, "App")), f => f.EndsWith(".tmp", StringComparison.Ordinal));

        var (buildCode, buildOutput) = await CliRunner.ToolAsync(sample.Root, "dotnet", "build", sample.SolutionPath);
        Assert.True(buildCode == 0, buildOutput);
        var (runCode, outputAfter) = await CliRunner.ToolAsync(sample.Root, "dotnet", Path.Combine(sample.Root, "App", "bin", "Debug", "net10.0", "App.dll"), "warm");
        Assert.Equal(0, runCode);
        Assert.Equal(expectedOutput, outputAfter);

        // The CI check after a migration: no fix would change a file any more.
        var verify = await CliRunner.RunAsync(sample.Root, "fix", sample.SolutionPath, "--verify-no-changes");
        Assert.True(verify.ExitCode == 0, verify.ToString());

        var afterFirst = Snapshot(sample.Root, sourcesOnly: true);
        var second = await CliRunner.RunAsync(sample.Root, "fix", sample.SolutionPath);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Nothing to fix", second.Out);
        Assert.Equal(afterFirst, Snapshot(sample.Root, sourcesOnly: true));

        var scan = await CliRunner.RunAsync(sample.Root, "scan", sample.SolutionPath, "--diagnostics", "LZM0001");
        Assert.True(scan.ExitCode == 0, scan.ToString());
    }

    [Fact]
    public async Task Fix_that_would_break_the_build_writes_nothing_and_exits_4()
    {
        using var sample = await SampleSolution.CreateAsync();
        var before = Snapshot(sample.Root);
        var shipped = AnalyzerCatalog.Load();
        AnalyzerCatalog Breaking() => new(shipped.Analyzers, new[] { new BreakingRenameFixProvider(keepInitializer: false) });

        var result = await CliRunner.RunAsync(sample.Root, null, Breaking, false, "fix", sample.SolutionPath);

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.True(result.Err.Contains("would not compile", StringComparison.Ordinal), result.ToString());
        Assert.Contains("nothing was written", result.Err);
        Assert.Contains("CS0117", result.Err); // 'Services' does not contain a definition for 'Session'
        Assert.Equal(before, Snapshot(sample.Root));
    }

    [Fact]
    public async Task Fixes_that_never_settle_stop_at_the_iteration_cap_with_exit_4_and_write_nothing()
    {
        using var sample = await SampleSolution.CreateAsync();
        var before = Snapshot(sample.Root);
        var shipped = AnalyzerCatalog.Load();
        AnalyzerCatalog NeverSettling() => new(shipped.Analyzers, new[] { new BreakingRenameFixProvider(keepInitializer: true) });

        var result = await CliRunner.RunAsync(sample.Root, null, NeverSettling, false, "fix", sample.SolutionPath, "--max-iterations", "3");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("did not settle after 3 passes", result.Err);
        Assert.Contains("LZM0001", result.Err);
        Assert.Equal(before, Snapshot(sample.Root));
    }

    [Fact]
    public async Task Fix_refuses_files_with_uncommitted_git_changes_unless_forced()
    {
        using var sample = await SampleSolution.CreateAsync();
        await Git(sample.Root, "init", "-q");
        await Git(sample.Root, "add", "-A");
        await Git(sample.Root, "-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-q", "-m", "sample");
        File.AppendAllText(sample.ProgramPath, "// an edit the user has not committed\n");
        var before = Snapshot(sample.Root);

        var refused = await CliRunner.RunAsync(sample.Root, "fix", sample.SolutionPath);
        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains("uncommitted", refused.Err);
        Assert.Contains("App/Program.cs", refused.Err);
        Assert.Contains("--force", refused.Err);
        Assert.Equal(before, Snapshot(sample.Root));

        var forced = await CliRunner.RunAsync(sample.Root, "fix", sample.SolutionPath, "--force");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Contains("an edit the user has not committed", File.ReadAllText(sample.ProgramPath));
        Assert.NotEqual(before, Snapshot(sample.Root));
    }

    [Fact]
    public async Task Dry_run_lists_remaining_findings_at_their_lines_in_the_unchanged_files()
    {
        // The LZM0001 fix rewrites the field above Main; the discarded heavy call in Main (LZM0002)
        // has no fix and stays, so the remaining finding must point at its line in the file on disk.
        var source = WithHeavyCallInMain;
        using var sample = await SampleSolution.CreateAsync(programSource: source);
        var heavyCallLine = HeavyCallLine;

        var result = await CliRunner.RunAsync(sample.Root, "fix", sample.SolutionPath, "--dry-run");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.True(result.Out.Contains("-    public static readonly ModelSession Session", StringComparison.Ordinal), result.ToString());
        var remaining = result.Out.Split('\n').Where(l => l.Contains(": LZM0002:", StringComparison.Ordinal)).ToList();
        Assert.True(remaining.Any(l => l.Contains($"App/Program.cs:{heavyCallLine}:27:", StringComparison.Ordinal)), result.ToString());
    }

    [Fact]
    public async Task Every_finding_left_without_a_fix_says_why_under_it()
    {
        // The discarded heavy call in Main runs for its effect (LZM0002 defers only locals), and
        // Startup.Warm builds a heavy object inside a method (the LZM0008 fix covers constructors and
        // initializers): each stays, and the line under each says why and what to do instead.
        var source = WithHeavyCallInMain;
        using var sample = await SampleSolution.CreateAsync(programSource: source);

        var result = await CliRunner.RunAsync(sample.Root, "fix", sample.SolutionPath, "--dry-run");

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var findings = lines.Select((line, index) => (line, index)).Where(p => p.line.StartsWith("  App/", StringComparison.Ordinal)).ToList();
        Assert.True(findings.Count >= 2, result.ToString());
        foreach (var (line, index) in findings)
        {
            Assert.True(index + 1 < lines.Count && lines[index + 1].StartsWith("    no fix: ", StringComparison.Ordinal), result.ToString());
        }

        var heavyCallLine = HeavyCallLine;
        var statement = findings.Single(p => p.line.StartsWith($"  App/Program.cs:{heavyCallLine}:", StringComparison.Ordinal));
        Assert.Contains("this statement in method 'Main' runs for its effect", lines[statement.index + 1]);
        var method = findings.Single(p => p.line.Contains(": LZM0008:", StringComparison.Ordinal));
        Assert.Contains("this work runs in method 'Warm' on the startup path", lines[method.index + 1]);
    }

    [Fact]
    public async Task Progress_names_only_rules_whose_fix_changes_something()
    {
        // LZM0002 fires on the discarded heavy call, but its fixer offers nothing for that shape.
        var source = WithHeavyCallInMain;
        using var sample = await SampleSolution.CreateAsync(programSource: source);

        var result = await CliRunner.RunAsync(sample.Root, "fix", sample.SolutionPath, "--dry-run");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(": LZM0002:", result.Out);
        Assert.Contains("LZM0001...", result.Err);
        Assert.DoesNotContain("LZM0002...", result.Err);
    }

    [Fact]
    public async Task Fix_refuses_a_dirty_tree_before_loading_the_solution()
    {
        // Not restored: loading would fail, so only a check made before loading can report the dirty file.
        using var sample = await SampleSolution.CreateAsync(restore: false);
        await Git(sample.Root, "init", "-q");
        await Git(sample.Root, "add", "-A");
        await Git(sample.Root, "-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-q", "-m", "sample");
        File.AppendAllText(sample.ProgramPath, "// an edit the user has not committed\n");

        var refused = await CliRunner.RunAsync(sample.Root, "fix", sample.SolutionPath);

        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains("uncommitted", refused.Err);
        Assert.Contains("App/Program.cs", refused.Err);
        Assert.DoesNotContain("Loading", refused.Err);
        Assert.DoesNotContain("not restored", refused.Err);
    }

    private static async Task Git(string root, params string[] args)
    {
        var (code, output) = await CliRunner.ToolAsync(root, "git", args);
        Assert.True(code == 0, "git " + string.Join(' ', args) + ": " + output);
    }

    /// <summary>Path + hash of every file outside bin/obj/.git (or only .cs/.csproj files).</summary>
    private static string Snapshot(string root, bool sourcesOnly = false)
    {
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/.git/", StringComparison.Ordinal))
            .Where(f => !sourcesOnly || f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal);
        return string.Join("\n", files.Select(f => Path.GetRelativePath(root, f) + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))));
    }
}
