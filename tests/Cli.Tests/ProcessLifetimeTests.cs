using System;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LazyMigrate.Cli.Tests.Infrastructure;

namespace LazyMigrate.Cli.Tests;

/// <summary>What a profiled program gets on stdin, what happens when it is never ready, and that nothing it started outlives the run.</summary>
[Collection(CliCollection.Name)]
public sealed class ProcessLifetimeTests : IClassFixture<ReadyAppFixture>
{
    private readonly ReadyAppFixture _app;

    public ProcessLifetimeTests(ReadyAppFixture app) => _app = app;

    [Fact]
    public async Task A_program_that_never_prints_its_marker_is_stopped_at_the_timeout_and_is_exit_6()
    {
        using var temp = new TempDirectory();

        var result = await CliRunner.RunAsync(temp.Path, "profile", "--no-explain", "--timeout", "3", "--", _app.AppDll, "never");

        Assert.True(result.ExitCode == 6, result.ToString());
        Assert.Contains("was not ready within 3 s", result.Err);
    }

    [Fact]
    public async Task Stdin_is_fed_from_the_stdin_file()
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("input.txt");
        File.WriteAllText(input, "first\nsecond\nthird\n");

        var result = await CliRunner.RunAsync(temp.Path, "profile", "--no-explain", "--stdin", input, "--timeout", "60", "--", _app.AppDll, "stdin");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("stdin lines: 3", result.Err);
    }

    [Fact]
    public async Task Stdin_is_closed_by_default_even_when_the_tools_own_stdin_stays_open()
    {
        // The tool runs as a process whose stdin is a pipe this test never closes: a program that inherited it
        // would wait for input until the timeout.
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { TestPaths.CliDll, "profile", "--no-explain", "--timeout", "20", "--", _app.AppDll, "stdin" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["CI"] = "true";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{await output}\n{await error}");
        Assert.Contains("stdin lines: 0", await error);
    }

    [Fact]
    public async Task A_child_that_outlives_the_program_is_killed_when_the_run_ends()
    {
        using var temp = new TempDirectory();

        // The child sleeps for minutes and keeps the program's stdout open: the run must neither wait for it nor leave it behind.
        var run = CliRunner.RunAsync(temp.Path, "profile", "--no-explain", "--timeout", "60", "--", _app.AppDll, "spawn");
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(90)));

        Assert.True(finished == run, "the run did not end while the program's child was alive");
        var result = await run;
        Assert.True(result.ExitCode == 0, result.ToString());
        var child = int.Parse(Regex.Match(result.Err, @"child (\d+)").Groups[1].Value);
        Assert.False(IsAlive(child), $"child process {child} is still running");
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
