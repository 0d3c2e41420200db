// The other generated shapes, over a heavy type: a Task<T> property (AsyncLazyValue<T> in a holder) and
// an instance property (one lazy value per instance, instance factory).
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate;
using Microsoft.ML.OnnxRuntime;

namespace LazyMigrate.Generator.TestApp;

internal static partial class AsyncModels
{
    public static readonly int Cheap = 46;

    public static int Builds;

    [LazyValue]
    public static partial Task<SessionOptions> Options { get; }

    private static async Task<SessionOptions> CreateOptions(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Builds);
        await Task.Delay(100, cancellationToken);
        return new SessionOptions();
    }
}

internal sealed partial class Scorer
{
    public static int Builds;

    private readonly int _threads;

    public Scorer(int threads)
    {
        _threads = threads;
    }

    [LazyValue("Microsoft.ML.OnnxRuntime")]
    public partial SessionOptions Options { get; }

    private SessionOptions CreateOptions()
    {
        Interlocked.Increment(ref Builds);
        Thread.Sleep(100);
        return new SessionOptions { IntraOpNumThreads = _threads };
    }
}
