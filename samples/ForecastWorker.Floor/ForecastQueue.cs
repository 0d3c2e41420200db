using System.Threading.Channels;
using System.Threading.Tasks;

namespace ForecastWorker.Floor;

/// <summary>Jobs for the forecast service; each submitter awaits its result line.</summary>
public sealed class ForecastQueue
{
    private readonly Channel<(string Job, TaskCompletionSource<string> Result)> _jobs = Channel.CreateUnbounded<(string, TaskCompletionSource<string>)>();

    public ChannelReader<(string Job, TaskCompletionSource<string> Result)> Reader => _jobs.Reader;

    public Task<string> SubmitAsync(string job)
    {
        var result = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _jobs.Writer.TryWrite((job, result));
        return result.Task;
    }
}
