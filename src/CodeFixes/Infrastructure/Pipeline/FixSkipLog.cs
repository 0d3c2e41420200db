using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>
/// Why a fix was not applied, for batch runs (the <c>lazymigrate fix</c> command): a rewrite that
/// would add a compiler error or warning, that found no good name, or a shape the fix does not
/// rewrite. Nothing is recorded unless a caller collects (<see cref="Collect"/>), so the IDE path is
/// unaffected.
/// </summary>
public static class FixSkipLog
{
    private static readonly AsyncLocal<ICollection<SkippedFix>?> s_current = new();

    /// <summary>
    /// Records skipped fixes into <paramref name="into"/> for the code that runs in this
    /// asynchronous flow until the result is disposed. Duplicates (the same fix computed for the
    /// code action and again for Fix All) are recorded once.
    /// </summary>
    public static IDisposable Collect(ICollection<SkippedFix> into)
    {
        var previous = s_current.Value;
        s_current.Value = into;
        return new Scope(previous);
    }

    /// <summary>True while some caller collects: explaining a missing fix costs work the IDE does not need.</summary>
    internal static bool IsCollecting => s_current.Value is not null;

    /// <summary>True when a reason was recorded already for the fix of <paramref name="diagnostic"/>.</summary>
    internal static bool HasRecord(Diagnostic diagnostic)
    {
        var into = s_current.Value;
        if (into is null)
        {
            return false;
        }

        var (path, line) = Position(diagnostic);
        lock (into)
        {
            return into.Any(s => s.Path == path && s.Line == line && s.RuleId == diagnostic.Id);
        }
    }

    internal static void Record(Diagnostic diagnostic, string reason, SkipKind kind = SkipKind.Declined)
    {
        var into = s_current.Value;
        if (into is null)
        {
            return;
        }

        var (path, line) = Position(diagnostic);
        var skipped = new SkippedFix(path, line, diagnostic.Id, reason, kind);
        lock (into)
        {
            if (!into.Contains(skipped))
            {
                into.Add(skipped);
            }
        }
    }

    private static (string Path, int Line) Position(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return (span.Path, span.StartLinePosition.Line + 1);
    }

    private sealed class Scope : IDisposable
    {
        private readonly ICollection<SkippedFix>? _previous;

        public Scope(ICollection<SkippedFix>? previous) => _previous = previous;

        public void Dispose() => s_current.Value = _previous;
    }
}

/// <summary>Why no fix was applied for a diagnostic.</summary>
public enum SkipKind
{
    /// <summary>A rewrite existed but was declined: it would add an error or warning, or found no free name.</summary>
    Declined,

    /// <summary>The fix does not rewrite this shape of code; <see cref="SkippedFix.Reason"/> says what it rewrites and what to do instead.</summary>
    NoRewrite,
}

/// <summary>One fix that was not applied: where its diagnostic is (1-based line) and why.</summary>
public sealed class SkippedFix : IEquatable<SkippedFix>
{
    /// <summary>Creates a record.</summary>
    public SkippedFix(string path, int line, string ruleId, string reason, SkipKind kind = SkipKind.Declined)
    {
        Path = path;
        Line = line;
        RuleId = ruleId;
        Reason = reason;
        Kind = kind;
    }

    /// <summary>The file of the diagnostic.</summary>
    public string Path { get; }

    /// <summary>The 1-based line of the diagnostic.</summary>
    public int Line { get; }

    /// <summary>The diagnostic id.</summary>
    public string RuleId { get; }

    /// <summary>Why the fix was not applied.</summary>
    public string Reason { get; }

    /// <summary>Whether a rewrite was declined or none exists for this shape.</summary>
    public SkipKind Kind { get; }

    /// <inheritdoc />
    public bool Equals(SkippedFix? other)
        => other is not null && Path == other.Path && Line == other.Line && RuleId == other.RuleId && Reason == other.Reason;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SkippedFix);

    /// <inheritdoc />
    public override int GetHashCode() => (Path, Line, RuleId, Reason).GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"{Path}:{Line}: {RuleId}: {Reason}";
}
