using System;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>
/// Thrown by a rewrite that found the code fixable but cannot write it well (e.g. every candidate
/// name is taken); <see cref="LazyFixerBase"/> offers no fix and records <see cref="Exception.Message"/> in <see cref="FixSkipLog"/>.
/// </summary>
internal sealed class FixSkippedException : Exception
{
    public FixSkippedException(string reason)
        : base(reason)
    {
    }
}
