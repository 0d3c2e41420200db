using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace LazyMigrate.Runtime.Tests;

public sealed class AsyncLazyValueTests
{
    [Fact]
    public async Task One_start_under_contention_and_everyone_gets_the_same_instance()
    {
        var starts = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var value = new AsyncLazyValue<object>(async _ =>
        {
            Interlocked.Increment(ref starts);
            await gate.Task;
            return new object();
        });

        var waits = TestSupport.RunTogether(64, _ => value.GetValueAsync().AsTask());
        gate.SetResult();
        var results = await Task.WhenAll(waits).WaitAsync(TestSupport.Hang);

        Assert.Equal(1, starts);
        Assert.All(results, r => Assert.Same(results[0], r));
        Assert.True(value.IsValueCreated);
        var again = value.GetValueAsync();
        Assert.True(again.IsCompletedSuccessfully);
        Assert.Same(results[0], await again);
    }

    [Fact]
    public async Task A_callers_cancellation_cancels_only_its_own_wait()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationToken factoryToken = default;
        var value = new AsyncLazyValue<string>(async token =>
        {
            factoryToken = token;
            await gate.Task;
            return "credential";
        });
        using var impatient = new CancellationTokenSource();

        var cancelledWait = value.GetValueAsync(impatient.Token).AsTask();
        var patientWait = value.GetValueAsync().AsTask();
        impatient.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelledWait);
        Assert.False(patientWait.IsCompleted);
        gate.SetResult();
        Assert.Equal("credential", await patientWait.WaitAsync(TestSupport.Hang));

        // Another caller still waited: the shared build was not cancelled.
        Assert.False(factoryToken.IsCancellationRequested);
    }

    [Fact]
    public async Task The_factory_token_is_cancelled_once_every_waiting_caller_gave_up_and_the_next_call_builds_anew()
    {
        var builds = 0;
        var factoryCancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var value = new AsyncLazyValue<string>(async token =>
        {
            if (Interlocked.Increment(ref builds) == 1)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                catch (OperationCanceledException)
                {
                    factoryCancelled.SetResult(token.IsCancellationRequested);
                    throw;
                }
            }

            return "downloaded";
        });
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();

        var firstWait = value.GetValueAsync(first.Token).AsTask();
        var secondWait = value.GetValueAsync(second.Token).AsTask();
        first.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => firstWait);
        Assert.False(factoryCancelled.Task.IsCompleted, "one caller of two gave up: the build goes on");

        second.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => secondWait);
        Assert.True(await factoryCancelled.Task.WaitAsync(TestSupport.Hang));

        // Abandoned, not failed: no retry delay, the next call builds anew.
        Assert.Equal("downloaded", await value.GetValueAsync().AsTask().WaitAsync(TestSupport.Hang));
        Assert.Equal(2, builds);
    }

    [Fact]
    public async Task Failure_is_shared_then_retried_after_reset()
    {
        var attempts = 0;
        var value = new AsyncLazyValue<int>(async _ =>
        {
            await Task.Yield();
            return Interlocked.Increment(ref attempts) == 1 ? throw new TimeoutException("token endpoint timed out") : 7;
        })
        {
            RetryDelay = Timeout.InfiniteTimeSpan,
        };

        var waits = Enumerable.Range(0, 8).Select(_ => value.GetValueAsync().AsTask()).ToArray();
        var errors = await Task.WhenAll(waits.Select(async w => await Assert.ThrowsAsync<LazyLoadException>(() => w)));

        Assert.All(errors, e => Assert.Same(errors[0], e));
        Assert.IsType<TimeoutException>(errors[0].InnerException);
        Assert.Same(errors[0], await Assert.ThrowsAsync<LazyLoadException>(() => value.GetValueAsync().AsTask()));
        Assert.Equal(1, attempts);

        Assert.True(value.Reset());
        Assert.Equal(7, await value.GetValueAsync());
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task Package_bound_async_value_loads_the_package_first()
    {
        var registry = new LazyPackageRegistry();
        var package = registry.Register(TestSupport.UniqueName("Async"), 2, Array.Empty<string>());
        var value = new AsyncLazyValue<bool>(package, _ => Task.FromResult(package.IsLoaded));

        Assert.True(await value.GetValueAsync());
        Assert.Contains(nameof(Package_bound_async_value_loads_the_package_first), value.FirstUseSite);
    }
}
