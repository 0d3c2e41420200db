using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace LazyMigrate.Runtime.Tests;

internal static class TestSupport
{
    /// <summary>Generous bound for waits that only guard against a hung test; never a timing assertion.</summary>
    public static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    public static int Line([CallerLineNumber] int line = 0) => line;

    public static string UniqueName(string prefix) => $"{prefix}.{Guid.NewGuid():N}";

    public static void WaitOrFail(this SemaphoreSlim semaphore)
    {
        Assert.True(semaphore.Wait(Hang), "timed out waiting for a signal");
    }

    public static void WaitOrFail(this ManualResetEventSlim gate)
    {
        Assert.True(gate.Wait(Hang), "timed out waiting for a gate");
    }

    public static async Task WaitOrFailAsync(this Task task)
    {
        await task.WaitAsync(Hang);
    }

    /// <summary>Runs <paramref name="work"/> on <paramref name="threads"/> dedicated threads released together by a barrier.</summary>
    public static T[] RunTogether<T>(int threads, Func<int, T> work)
    {
        var results = new T[threads];
        var errors = new Exception?[threads];
        using var barrier = new Barrier(threads);
        var workers = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            var index = i;
            workers[i] = new Thread(() =>
            {
                barrier.SignalAndWait();
                try
                {
                    results[index] = work(index);
                }
                catch (Exception ex)
                {
                    errors[index] = ex;
                }
            });
            workers[i].Start();
        }

        foreach (var worker in workers)
        {
            Assert.True(worker.Join(Hang), "worker thread hung");
        }

        foreach (var error in errors)
        {
            if (error is not null)
            {
                throw new AggregateException(error);
            }
        }

        return results;
    }

    /// <summary>Like <see cref="RunTogether{T}"/> but returns what each thread threw.</summary>
    public static Exception?[] CatchTogether(int threads, Action<int> work)
    {
        return RunTogether<Exception?>(threads, i =>
        {
            try
            {
                work(i);
                return null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        });
    }
}
