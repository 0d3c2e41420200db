using System;
using System.Diagnostics;

namespace LazyMigrate.Internal;

/// <summary>A lazy value's build history for the status: state, duration, last error and failure time.</summary>
internal sealed class ValueRecord
{
    private readonly object _gate = new();
    private LazyValueState _state;
    private long _startedAt;
    private double? _buildTimeMs;
    private string? _error;
    private DateTimeOffset? _failedAt;

    public LazyValueState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public long Started()
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _state = LazyValueState.Building;
            _startedAt = now;
        }

        return now;
    }

    public double Built(long startedAt)
    {
        var elapsed = Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds;
        lock (_gate)
        {
            _state = LazyValueState.Built;
            _buildTimeMs = elapsed;
            _error = null;
            _failedAt = null;
        }

        return elapsed;
    }

    public double Failed(long startedAt, LazyLoadException error, bool packageFailed)
    {
        var elapsed = Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds;
        lock (_gate)
        {
            _state = packageFailed ? LazyValueState.PackageFailed : LazyValueState.Failed;
            _buildTimeMs = elapsed;
            _error = error.Message;
            _failedAt = DateTimeOffset.UtcNow;
        }

        return elapsed;
    }

    /// <summary>A retry cleared the failure (<c>Reset</c>): the value is not built, nothing is pending.</summary>
    public void Cleared()
    {
        lock (_gate)
        {
            if (_state is LazyValueState.Failed or LazyValueState.PackageFailed)
            {
                _state = LazyValueState.NotBuilt;
                _error = null;
                _failedAt = null;
            }
        }
    }

    /// <summary>A build was cancelled because every caller waiting for it gave up: not a failure, the next call builds anew.</summary>
    public void Abandoned()
    {
        lock (_gate)
        {
            _state = LazyValueState.NotBuilt;
        }
    }

    public ValueStatus Snapshot(string? declarationSite, string? packageName, UseSite? firstUse, TimeSpan retryDelay)
    {
        // The site's file:line may be read from symbols now: outside the lock a build takes.
        var site = firstUse?.ToString();
        lock (_gate)
        {
            var buildTime = _state == LazyValueState.Building ? Stopwatch.GetElapsedTime(_startedAt).TotalMilliseconds : _buildTimeMs;
            return new ValueStatus(declarationSite, packageName, _state, buildTime, _error, site, NextRetry(_failedAt, retryDelay));
        }
    }

    /// <summary>Failure time plus the retry delay; null when not failed or when the delay is infinite.</summary>
    public static DateTimeOffset? NextRetry(DateTimeOffset? failedAt, TimeSpan retryDelay)
        => failedAt is { } at && retryDelay >= TimeSpan.Zero ? at + retryDelay : null;
}
