using System;
using ImageMagick;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML.OnnxRuntime;

namespace Consumer;

/// <summary>Uses every heavy value once, after startup, and prints what it saw (compared before/after the migration).</summary>
internal static class Report
{
    public static void Run(SessionOptions options, IServiceCollection services)
    {
        Console.WriteLine("options: " + options.LogId);
        Console.WriteLine("model options: " + Models.Options.LogId);
        using var provider = services.BuildServiceProvider();
        var canvas = provider.GetRequiredService<MagickImage>();
        Console.WriteLine("canvas: " + canvas.Width + "x" + canvas.Height);
        Console.WriteLine("logo area: " + Images.LogoArea);
        Models.Primary.Open();
        using var command = Models.Primary.CreateCommand();
        command.CommandText = "select 6 * 7";
        Console.WriteLine("sqlite: " + command.ExecuteScalar());
        Console.WriteLine("secondary: " + Models.Secondary.ConnectionString);
    }
}
