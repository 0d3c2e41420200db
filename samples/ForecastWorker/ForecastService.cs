using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ForecastWorker.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.ML;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ForecastWorker;

/// <summary>
/// Serves forecast jobs: <c>history STATION</c> (the database), <c>trend STATION</c> (the ML.NET scaler) and
/// <c>residual STATION</c> (the ONNX model). It keeps one ML.NET context and one database context for its
/// lifetime, both made when the host creates the service.
/// </summary>
public sealed class ForecastService : BackgroundService
{
    private readonly MLContext _ml = new(seed: 7);
    private readonly ReadingsDb _db = ReadingsDbFactory.Create();
    private readonly ForecastQueue _queue;

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
                var readings = await _db.Readings.AsNoTracking().Where(r => r.Station == words[1]).OrderBy(r => r.Day).ToListAsync(stoppingToken);
                result.SetResult(words[0] switch
                {
                    "history" => $"{readings.Count} days, mean {readings.Average(r => (double)r.Celsius).ToString("0.0", CultureInfo.InvariantCulture)} °C",
                    "trend" => Trend(readings.Select(r => r.Celsius).ToArray()),
                    "residual" => Residual(readings.Select(r => r.Celsius).TakeLast(3).ToArray()),
                    _ => $"unknown job '{words[0]}'",
                });
            }
            catch (Exception ex)
            {
                result.SetException(ex);
            }
        }
    }

    public override void Dispose()
    {
        _db.Dispose();
        base.Dispose();
    }

    private string Trend(float[] celsius)
    {
        var rows = _ml.Data.LoadFromEnumerable(celsius.Select(c => new TrendInput { Celsius = c }));
        var scaled = _ml.Data.CreateEnumerable<TrendOutput>(ForecastModels.TrendScaler.Transform(rows), reuseRowObject: false)
            .Select(r => r.Scaled.ToString("0.00", CultureInfo.InvariantCulture));
        return "scaled " + string.Join(" ", scaled.TakeLast(4));
    }

    private static string Residual(float[] lastThree)
    {
        var tensor = new DenseTensor<float>(lastThree, new[] { 3 });
        using var results = ForecastModels.Residuals.Run(new[] { NamedOnnxValue.CreateFromTensor("x", tensor) });
        return "squared " + string.Join(" ", results.First().AsEnumerable<float>().Select(v => v.ToString("0.0", CultureInfo.InvariantCulture)));
    }
}
