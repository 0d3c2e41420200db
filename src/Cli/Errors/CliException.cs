using System;

namespace LazyMigrate.Cli.Errors;

/// <summary>A failure the CLI reports to the user as a message and a specific exit code.</summary>
public class CliException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CliException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary>The process exit code this failure maps to (see <see cref="ExitCodes"/>).</summary>
    public int ExitCode { get; }
}
