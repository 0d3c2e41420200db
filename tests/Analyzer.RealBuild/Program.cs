using System;
using System.Threading.Tasks;
using ImageMagick;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.ML.OnnxRuntime;

// The project does not reference this assembly: catalog drift.
[assembly: LazyMigrate.HeavyAssembly("Contoso.Missing")] // LZM0007

namespace RealBuild;

public static class Program
{
    public static async Task Main(string[] args)
    {
        var options = new SessionOptions(); // LZM0002
        Console.WriteLine(Models.Banner);
        _ = Models.LazyOptions.Value; // LZM0006
        using var host = Host.CreateDefaultBuilder(args)
            .ConfigureServices(services =>
            {
                services.AddSingleton(new MagickImage()); // LZM0003
                services.AddSingleton(sp => new SqliteConnection("Data Source=:memory:")); // LZM0005
                services.AddHostedService<Warmup>();
            })
            .Build();
        var connection = host.Services.GetRequiredService<SqliteConnection>(); // LZM0004
        Bootstrap.Prepare();
        await host.RunAsync();
        var late = typeof(InferenceSession); // LZM0005
    }
}
