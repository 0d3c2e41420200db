using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>
/// Why a fix was not applied, for batch runs (the <c>lazymigrate fix</c> command): a rewrite that
/// would add a compiler error or warning, or that found no good name. Nothing is recorded unless a
/// caller collects (<see cref="Collect"/>), so the IDE path is unaffected.
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

    internal static void Record(Diagnostic diagnostic, string reason)
    {
        var into = s_current.Value;
        if (into is null)
        {
            return;
        }

        var span = diagnostic.Location.GetLineSpan();
        var skipped = new SkippedFix(span.Path, span.StartLinePosition.Line + 1, diagnostic.Id, reason);
        lock (into)
        {
            if (!into.Contains(skipped))
            {
                into.Add(skipped);
            }
        }
    }

    private sealed class Scope : IDisposable
    {
        private readonly ICollection<SkippedFix>? _previous;

        public Scope(ICollection<SkippedFix>? previous) => _previous = previous;

        public void Dispose() => s_current.Value = _previous;
    }
}

/// <summary>One fix that was not applied: where its diagnostic is (1-based line) and why.</summary>
public sealed class SkippedFix : IEquatable<SkippedFix>
{
    /// <summary>Creates a record.</summary>
    public SkippedFix(string path, int line, string ruleId, string reason)
    {
        Path = path;
        Line = line;
        RuleId = ruleId;
        Reason = reason;
    }

    /// <summary>The file of the diagnostic.</summary>
    public string Path { get; }

    /// <summary>The 1-based line of the diagnostic.</summary>
    public int Line { get; }

    /// <summary>The diagnostic id.</summary>
    public string RuleId { get; }

    /// <summary>Why the fix was not applied.</summary>
    public string Reason { get; }

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
