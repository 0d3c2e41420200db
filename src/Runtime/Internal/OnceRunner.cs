using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace LazyMigrate.Internal;

/// <summary>
/// Runs a piece of work exactly once at a time and shares its outcome: every caller that arrives
/// while an attempt is running waits for that same attempt and observes the same result or the
/// same exception instance. A failed attempt is remembered for a retry delay; the first call after
/// the delay (or after <see cref="Reset"/>) starts a new attempt. Used by packages and lazy values.
/// </summary>
internal sealed class OnceRunner<TResult>
{
    private readonly object _gate = new();
    private Attempt? _current;

    /// <summary>The latest attempt's task, or null when nothing has been attempted.</summary>
    public Task<TResult>? CurrentTask => Volatile.Read(ref _current)?.Completion.Task;

    /// <summary>Runs (or joins) an attempt on the calling thread and returns its result or throws its exception.</summary>
    public TResult Run(Func<TResult> work, TimeSpan retryDelay)
    {
        var attempt = Acquire(retryDelay, out var owner);
        if (owner)
        {
            Execute(attempt, work);
        }
        else if (!attempt.Completion.Task.IsCompleted && attempt.OwnerThread == Environment.CurrentManagedThreadId)
        {
            // The factory (or warm-up) accessed the proxy it is building: waiting would deadlock.
            throw new InvalidOperationException("A lazy factory or warm-up accessed the lazy value or package it is building (recursive initialisation).");
        }

        return attempt.Completion.Task.GetAwaiter().GetResult();
    }

    /// <summary>Starts (or joins) an attempt; a new attempt runs on the thread pool so the caller never blocks.</summary>
    public Task<TResult> Start(Func<TResult> work, TimeSpan retryDelay)
    {
        var attempt = Acquire(retryDelay, out var owner);
        if (owner)
        {
            _ = Task.Run(() => Execute(attempt, work));
        }

        return attempt.Completion.Task;
    }

    /// <summary>Forgets a failed attempt so the next call retries at once. Returns false when the last attempt did not fail.</summary>
    public bool Reset()
    {
        lock (_gate)
        {
            if (_current is { Completion.Task.IsFaulted: true })
            {
                _current = null;
                return true;
            }

            return false;
        }
    }

    private Attempt Acquire(TimeSpan retryDelay, out bool owner)
    {
        lock (_gate)
        {
            var current = _current;
            if (current is not null)
            {
                var task = current.Completion.Task;
                var retryDue = task.IsFaulted && RetryDue(current.FailedAt, retryDelay);
                if (!retryDue)
                {
                    owner = false;
                    return current;
                }
            }

            var attempt = new Attempt();
            Volatile.Write(ref _current, attempt);
            owner = true;
            return attempt;
        }
    }

    /// <summary>True when <paramref name="retryDelay"/> passed since <paramref name="failedAt"/>; a negative delay (infinite) never passes.</summary>
    internal static bool RetryDue(long failedAt, TimeSpan retryDelay)
        => retryDelay >= TimeSpan.Zero && Stopwatch.GetElapsedTime(failedAt) >= retryDelay;

    private static void Execute(Attempt attempt, Func<TResult> work)
    {
        attempt.OwnerThread = Environment.CurrentManagedThreadId;
        TResult result;
        try
        {
            result = work();
        }
        catch (Exception ex)
        {
            attempt.FailedAt = Stopwatch.GetTimestamp();
            attempt.Completion.TrySetException(ex);
            return;
        }

        attempt.Completion.TrySetResult(result);
    }

    private sealed class Attempt
    {
        // Continuations run asynchronously so awaiting callers never run on the loading thread.
        public readonly TaskCompletionSource<TResult> Completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public volatile int OwnerThread;
        public long FailedAt;
    }
}
