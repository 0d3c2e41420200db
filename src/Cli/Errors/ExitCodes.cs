namespace LazyMigrate.Cli.Errors;

/// <summary>The process exit codes of <c>lazymigrate</c> (documented in docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>Success, and nothing to report.</summary>
    public const int Success = 0;

    /// <summary>Findings were reported (scan) or changes are needed (<c>fix --dry-run</c>).</summary>
    public const int FindingsOrChanges = 1;

    /// <summary>Bad input: missing path, unreadable or broken project, bad options, dirty files.</summary>
    public const int BadInput = 2;

    /// <summary>MSBuild / the .NET SDK could not be found.</summary>
    public const int SdkNotFound = 3;

    /// <summary>The fix was aborted: the result would not compile, or the fixes did not settle.</summary>
    public const int FixAborted = 4;

    /// <summary><c>migrate</c> aborted, nothing written: the migrated program's output after ready differs from the original's.</summary>
    public const int OutputChanged = 5;

    /// <summary><c>profile</c> or <c>migrate</c>: the program never became ready (it exited or timed out before its ready point).</summary>
    public const int NeverReady = 6;
}
