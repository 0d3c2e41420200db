namespace LazyMigrate.Cli.Errors;

/// <summary>No .NET SDK (and so no MSBuild) could be located (exit code 3).</summary>
public sealed class SdkNotFoundException : CliException
{
    /// <summary>Creates the exception.</summary>
    public SdkNotFoundException(string message)
        : base(ExitCodes.SdkNotFound, message)
    {
    }
}
