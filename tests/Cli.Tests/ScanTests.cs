using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LazyMigrate.Cli.Tests.Infrastructure;

namespace LazyMigrate.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class ScanTests : IClassFixture<ScanFixture>
{
    private readonly SampleSolution _sample;

    public ScanTests(ScanFixture fixture) => _sample = fixture.Sample;

    [Fact]
    public async Task Text_report_groups_findings_by_rule_and_package_with_locations_and_call_chain()
    {
        var result = await CliRunner.RunAsync(_sample.Root, "scan", _sample.SolutionPath);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("LZM0001", result.Out);
        Assert.Contains($"App/Program.cs:{SampleSolution.StaticFieldLine}:", result.Out);
        Assert.Contains("LZM0008", result.Out);
        Assert.Contains($"App/Program.cs:{SampleSolution.WarmLine}:", result.Out);
        Assert.Contains("call chain:", result.Out);
        Assert.Contains("Startup.Warm", result.Out);

        // Grouped by rule first: the LZM0001 section comes before the LZM0008 one.
        Assert.True(result.Out.IndexOf("LZM0001 ", StringComparison.Ordinal) < result.Out.IndexOf("LZM0008 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Folder_path_finds_the_single_solution_and_json_lists_each_finding()
    {
        var result = await CliRunner.RunAsync(_sample.Root, "scan", ".", "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var staticField = Assert.Single(findings, f => f.GetProperty("ruleId").GetString() == "LZM0001");
        Assert.Equal("App/Program.cs", staticField.GetProperty("file").GetString());
        Assert.Equal(SampleSolution.StaticFieldLine, staticField.GetProperty("line").GetInt32());
        Assert.Equal("warning", staticField.GetProperty("severity").GetString());
        Assert.Equal("App", staticField.GetProperty("package").GetString());

        var chain = findings.Single(f => f.GetProperty("ruleId").GetString() == "LZM0008" && f.GetProperty("line").GetInt32() == SampleSolution.WarmLine);
        var frames = chain.GetProperty("callChain").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.True(frames.Count >= 2, string.Join(" | ", frames));
        Assert.Contains(frames, f => f!.Contains("Main", StringComparison.Ordinal));
        Assert.Contains(frames, f => f!.Contains("Warm", StringComparison.Ordinal));
        Assert.Equal(findings.Count, json.RootElement.GetProperty("summary").GetProperty("findings").GetInt32());
    }

    [Fact]
    public async Task Sarif_output_has_the_2_1_0_shape()
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("scan.sarif");
        var result = await CliRunner.RunAsync(_sample.Root, "scan", _sample.ProjectPath, "--format", "sarif", "--output", output);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(string.Empty, result.Out);
        using var sarif = JsonDocument.Parse(File.ReadAllText(output));
        var root = sarif.RootElement;
        Assert.Contains("sarif", root.GetProperty("$schema").GetString());
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("lazymigrate", driver.GetProperty("name").GetString());
        var ruleIds = driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("LZM0001", ruleIds);
        Assert.Contains("LZM0008", ruleIds);
        Assert.All(driver.GetProperty("rules").EnumerateArray(), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("shortDescription").GetProperty("text").GetString())));

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var r in results)
        {
            Assert.Contains(r.GetProperty("ruleId").GetString(), ruleIds);
            Assert.Contains(r.GetProperty("level").GetString(), new[] { "error", "warning", "note", "none" });
            Assert.False(string.IsNullOrEmpty(r.GetProperty("message").GetProperty("text").GetString()));
            var location = Assert.Single(r.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            // Relative to the scanned project's folder (%SRCROOT%).
            Assert.Equal("Program.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal("SRCROOT", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
        }

        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "LZM0001"
            && r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() == SampleSolution.StaticFieldLine);

        // %SRCROOT% resolves the relative uris to the project folder.
        var srcRoot = run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString();
        Assert.Equal(new Uri(Path.GetDirectoryName(_sample.ProjectPath) + "/").AbsoluteUri, srcRoot);
    }

    [Fact]
    public async Task Diagnostics_filter_keeps_only_the_named_rules()
    {
        var result = await CliRunner.RunAsync(_sample.Root, "scan", _sample.SolutionPath, "--format", "json", "--diagnostics", "LZM0008");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var ids = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).Distinct().ToList();
        Assert.Equal(new[] { "LZM0008" }, ids);
    }

    [Fact]
    public async Task Exclude_filters_drop_rules_and_paths()
    {
        var byRule = await CliRunner.RunAsync(_sample.Root, "scan", _sample.SolutionPath, "--format", "json", "--exclude-diagnostics", "LZM0001");
        using (var json = JsonDocument.Parse(byRule.Out))
        {
            var ids = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ToList();
            Assert.DoesNotContain("LZM0001", ids);
            Assert.Contains("LZM0008", ids);
        }

        var byPath = await CliRunner.RunAsync(_sample.Root, "scan", _sample.SolutionPath, "--exclude", "App/*.cs");
        Assert.True(byPath.ExitCode == 0, byPath.ToString());
        Assert.Contains("No LazyMigrate findings", byPath.Out);
    }

    [Fact]
    public async Task Severity_filter_above_warning_reports_nothing_and_exits_zero()
    {
        var result = await CliRunner.RunAsync(_sample.Root, "scan", _sample.SolutionPath, "--severity", "error");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("No LazyMigrate findings", result.Out);
    }

    [Fact]
    public async Task Project_with_compile_errors_is_still_analyzed_and_the_errors_are_summarised()
    {
        var broken = SampleSolution.ProgramSource.Replace(
            "public static string Warm() => new ModelSession(\"warm\").Run();",
            "public static string Warm() => new ModelSession(\"warm\").Run();\n    public static int Broken() => undefinedName;",
            StringComparison.Ordinal);
        using var sample = await SampleSolution.CreateAsync(programSource: broken);

        var result = await CliRunner.RunAsync(sample.Root, "scan", sample.SolutionPath);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"App/Program.cs:{SampleSolution.StaticFieldLine}:", result.Out);
        Assert.Contains("Compile errors", result.Out);
        Assert.Contains("CS0103", result.Out);
        Assert.Contains("undefinedName", result.Out);
        Assert.Contains("compile error", result.Err);
    }

    [Fact]
    public async Task Editorconfig_severities_of_the_project_apply()
    {
        using var sample = await SampleSolution.CreateAsync(editorConfig: "dotnet_diagnostic.LZM0001.severity = error\ndotnet_diagnostic.LZM0008.severity = none\n");

        var result = await CliRunner.RunAsync(sample.Root, "scan", sample.SolutionPath, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal("error", findings.Single(f => f.GetProperty("ruleId").GetString() == "LZM0001").GetProperty("severity").GetString());
        Assert.DoesNotContain(findings, f => f.GetProperty("ruleId").GetString() == "LZM0008");
    }

    [Fact]
    public async Task Slnx_solution_in_a_folder_is_found_and_scanned()
    {
        using var sample = await SampleSolution.CreateAsync(restore: false);
        File.Delete(sample.SolutionPath);
        File.WriteAllText(Path.Combine(sample.Root, "App.slnx"), "<Solution>\n  <Project Path=\"App/App.csproj\" />\n</Solution>\n");

        var result = await CliRunner.RunAsync(sample.Root, "scan", "--restore");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Loading App.slnx", result.Err);
        Assert.Contains($"App/Program.cs:{SampleSolution.StaticFieldLine}:", result.Out);
    }

    [Fact]
    public async Task The_tool_run_as_its_own_process_reports_json_on_stdout()
    {
        var result = await CliRunner.RunProcessAsync(_sample.Root, "scan", "--format", "json", "--verbosity", "quiet");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(string.Empty, result.Err);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "LZM0001");
    }

    [Fact]
    public async Task Progress_is_plain_lines_under_ci_and_silent_when_quiet()
    {
        var plain = await CliRunner.RunAsync(_sample.Root, null, null, true, "scan", _sample.SolutionPath);
        Assert.Contains("Loading App.sln", plain.Err);
        Assert.DoesNotContain("\r", plain.Err);

        var quiet = await CliRunner.RunAsync(_sample.Root, "scan", _sample.SolutionPath, "--verbosity", "quiet");
        Assert.Equal(string.Empty, quiet.Err);
        Assert.Equal(1, quiet.ExitCode);
    }
}
