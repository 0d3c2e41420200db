using System.Collections.Generic;
using System.Linq;

namespace LazyMigrate.EndToEnd.Tests.Infrastructure;

/// <summary>What a finished child process printed and returned.</summary>
public sealed class CommandResult
{
    public CommandResult(string commandLine, string workingDirectory, int exitCode, IReadOnlyList<string> lines)
    {
        CommandLine = commandLine;
        WorkingDirectory = workingDirectory;
        ExitCode = exitCode;
        Lines = lines;
    }

    public string CommandLine { get; }

    public string WorkingDirectory { get; }

    public int ExitCode { get; }

    /// <summary>Standard output and standard error, interleaved in arrival order.</summary>
    public IReadOnlyList<string> Lines { get; }

    public string Output => string.Join("\n", Lines);

    /// <summary>A failure message that shows the command and the end of its output.</summary>
    public string Describe(int tailLines = 80) =>
        $"`{CommandLine}` in {WorkingDirectory} exited {ExitCode}; last output:\n" +
        string.Join("\n", Lines.Skip(System.Math.Max(0, Lines.Count - tailLines)));
}
