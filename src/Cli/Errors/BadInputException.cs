namespace LazyMigrate.Cli.Errors;

/// <summary>Bad input from the user: missing path, broken project, bad option (exit code 2).</summary>
public sealed class BadInputException : CliException
{
    /// <summary>Creates the exception.</summary>
    public BadInputException(string message, bool showUsage = false)
        : base(ExitCodes.BadInput, message)
    {
        ShowUsage = showUsage;
    }

    /// <summary>True when the usage text should follow the message (command-line syntax errors).</summary>
    public bool ShowUsage { get; }
}
