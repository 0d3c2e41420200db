using System;
using System.Diagnostics;

namespace LazyMigrate.Cli.Infrastructure;

/// <summary>
/// Progress for long work, on stderr. On a terminal the current step redraws one line; when output
/// is redirected or <c>CI</c> is set it degrades to plain, timestamped lines (no control characters).
/// </summary>
public sealed class ProgressReporter
{
    private readonly CliContext _context;
    private readonly bool _redraw;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _pendingLength;

    /// <summary>Creates a reporter.</summary>
    public ProgressReporter(CliContext context, Verbosity verbosity)
    {
        _context = context;
        Verbosity = verbosity;
        _redraw = context.OutputIsInteractive && !context.IsCi;
    }

    /// <summary>The chosen verbosity.</summary>
    public Verbosity Verbosity { get; }

    /// <summary>A stage of work (shown at normal and detailed verbosity).</summary>
    public void Stage(string message) => Write(message, Verbosity.Normal, transient: true);

    /// <summary>A step inside a stage (shown at detailed verbosity).</summary>
    public void Detail(string message) => Write(message, Verbosity.Detailed, transient: true);

    /// <summary>A lasting note (shown at normal and detailed verbosity).</summary>
    public void Info(string message) => Write(message, Verbosity.Normal, transient: false);

    /// <summary>A warning: shown unless quiet.</summary>
    public void Warning(string message) => Write("warning: " + message, Verbosity.Normal, transient: false);

    /// <summary>Clears a redrawn progress line before the report is printed.</summary>
    public void Done()
    {
        if (_pendingLength > 0)
        {
            _context.Error.Write("\r" + new string(' ', _pendingLength) + "\r");
            _pendingLength = 0;
        }
    }

    private void Write(string message, Verbosity level, bool transient)
    {
        if (Verbosity < level)
        {
            return;
        }

        if (_redraw && transient)
        {
            var line = message.Length > 100 ? message.Substring(0, 97) + "..." : message;
            var padding = _pendingLength > line.Length ? new string(' ', _pendingLength - line.Length) : string.Empty;
            _context.Error.Write("\r" + line + padding);
            _pendingLength = line.Length;
            return;
        }

        Done();
        var seconds = _clock.Elapsed.TotalSeconds;
        _context.Error.WriteLine(FormattableString.Invariant($"[{seconds,6:0.0}s] {message}"));
    }
}
