using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace LazyMigrate.EndToEnd.Tests.Infrastructure;

/// <summary>Runs the dotnet CLI (or a built app) as a child process and captures its output.</summary>
public static class ProcessRunner
{
    private static readonly TimeSpan s_defaultTimeout = TimeSpan.FromMinutes(10);

    public static CommandResult Dotnet(string workingDirectory, params string[] arguments) =>
        Run("dotnet", workingDirectory, arguments, s_defaultTimeout);

    public static CommandResult Run(string fileName, string workingDirectory, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        // Output goes to a file, not a pipe: a build leaves the compiler server running, and a server
        // that inherited our pipe would keep it open long after the command ended. A file is simply
        // read once the command has exited. (The shared compiler server is what keeps the builds fast.)
        var outputFile = Path.Combine(Path.GetTempPath(), "lzm-e2e-output-" + Guid.NewGuid().ToString("N") + ".log");
        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add("out=\"$1\"; shift; exec \"$@\" >\"$out\" 2>&1");
        startInfo.ArgumentList.Add("sh");
        startInfo.ArgumentList.Add(outputFile);
        startInfo.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        PrepareEnvironment(startInfo.Environment);

        var commandLine = fileName + " " + string.Join(" ", arguments);
        try
        {
            using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start `{commandLine}`.");
            process.StandardInput.Close();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"`{commandLine}` in {workingDirectory} did not finish within {timeout}.");
            }

            var lines = File.Exists(outputFile) ? File.ReadAllLines(outputFile) : Array.Empty<string>();
            return new CommandResult(commandLine, workingDirectory, process.ExitCode, lines);
        }
        finally
        {
            File.Delete(outputFile);
        }
    }

    private static void PrepareEnvironment(IDictionary<string, string?> environment)
    {
        // `dotnet test` runs us inside an MSBuild-started process: its MSBuild variables would point the
        // child builds at the wrong SDK pieces, so the children start from a clean slate.
        foreach (var key in new List<string>(environment.Keys))
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) ||
                key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) ||
                key.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase))
            {
                environment.Remove(key);
            }
        }

        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // Single-project builds gain nothing from MSBuild worker nodes lingering after the run.
        environment["MSBUILDDISABLENODEREUSE"] = "1";
    }
}
