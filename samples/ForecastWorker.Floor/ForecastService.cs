using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace ForecastWorker.Floor;

/// <summary>The app's forecast service over the stand-ins: the same jobs and result lines; its store is made on the first job.</summary>
public sealed class ForecastService : BackgroundService
{
    private readonly ForecastQueue _queue;
    private ReadingsStore? _store;

    public ForecastService(ForecastQueue queue)
    {
        _queue = queue;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (job, result) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                var words = job.Split(' ', 2);
                _store ??= new ReadingsStore();
                var readings = _store.Readings.Where(r => r.Station == words[1]).OrderBy(r => r.Day).ToList();
                result.SetResult(words[0] switch
                {
                    "history" => $"{readings.Count} days, mean {readings.Average(r => (double)r.Celsius).ToString("0.0", CultureInfo.InvariantCulture)} °C",
                    "trend" => "scaled " + string.Join(" ", readings.Select(r => ForecastModels.TrendScaler.Transform(r.Celsius).ToString("0.00", CultureInfo.InvariantCulture)).TakeLast(4)),
                    "residual" => "squared " + string.Join(" ", ForecastModels.Residuals.Run(readings.Select(r => r.Celsius).TakeLast(3).ToArray()).Select(v => v.ToString("0.0", CultureInfo.InvariantCulture))),
                    _ => $"unknown job '{words[0]}'",
                });
            }
            catch (Exception ex)
            {
                result.SetException(ex);
            }
        }
    }
}
