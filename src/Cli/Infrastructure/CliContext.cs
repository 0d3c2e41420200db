using System;
using System.Collections.Generic;
using System.IO;

namespace LazyMigrate.Cli.Infrastructure;

/// <summary>
/// Everything the commands read from or write to the outside world, so tests can run the real
/// CLI in-process with captured output, a chosen working directory and environment.
/// </summary>
public sealed class CliContext
{
    private readonly IReadOnlyDictionary<string, string?>? _environment;

    /// <summary>Creates a context.</summary>
    public CliContext(TextWriter output, TextWriter error, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null, bool? outputIsInteractive = null)
    {
        Out = output;
        Error = error;
        WorkingDirectory = workingDirectory;
        _environment = environment;
        OutputIsInteractive = outputIsInteractive ?? (!Console.IsOutputRedirected && !Console.IsErrorRedirected);
    }

    /// <summary>Where reports go (stdout).</summary>
    public TextWriter Out { get; }

    /// <summary>Where progress, warnings and errors go (stderr).</summary>
    public TextWriter Error { get; }

    /// <summary>The folder relative paths are resolved against.</summary>
    public string WorkingDirectory { get; }

    /// <summary>True when a human watches a terminal (so progress may redraw one line).</summary>
    public bool OutputIsInteractive { get; }

    /// <summary>The context of the real process.</summary>
    public static CliContext FromConsole() => new(Console.Out, Console.Error, Environment.CurrentDirectory);

    /// <summary>An environment variable (the overrides given to the constructor first).</summary>
    public string? GetEnvironmentVariable(string name)
    {
        if (_environment is not null && _environment.TryGetValue(name, out var value))
        {
            return value;
        }

        return Environment.GetEnvironmentVariable(name);
    }

    /// <summary>True when running under CI (the <c>CI</c> variable is set to anything but false/0).</summary>
    public bool IsCi
    {
        get
        {
            var ci = GetEnvironmentVariable("CI");
            return !string.IsNullOrEmpty(ci) && ci != "0" && !string.Equals(ci, "false", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Resolves a user-given path against <see cref="WorkingDirectory"/>.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));
}
