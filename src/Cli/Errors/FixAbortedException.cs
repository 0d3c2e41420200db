namespace LazyMigrate.Cli.Errors;

/// <summary>The fix was aborted before writing anything (exit code 4).</summary>
public sealed class FixAbortedException : CliException
{
    /// <summary>Creates the exception.</summary>
    public FixAbortedException(string message)
        : base(ExitCodes.FixAborted, message)
    {
    }
}
