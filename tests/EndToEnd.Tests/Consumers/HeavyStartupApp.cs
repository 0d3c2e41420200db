using System.Collections.Generic;
using LazyMigrate.EndToEnd.Tests.Infrastructure;

namespace LazyMigrate.EndToEnd.Tests.Consumers;

/// <summary>
/// A console app that references LazyMigrate.Runtime (only: the analyzers must come along with it) and
/// three real heavy packages, and does heavy work eagerly at startup. Each line that must be reported
/// carries a <c>// expect: LZM000n</c> marker; the tests compute the expected file:line set from them.
/// The app prints deterministic lines, so a run before and after `dotnet format` can be compared.
/// </summary>
public static class HeavyStartupApp
{
    public const string ProgramFile = "Program.cs";
    public const string ImagingFile = "Imaging.cs";

    public static ConsumerTemplate Template { get; } = new(
        "HeavyStartupApp",
        new Dictionary<string, string>
        {
            ["LazyMigrate.Runtime"] = ConsumerTemplate.PackedVersion,
            ["Microsoft.ML.OnnxRuntime"] = "1.31.1",
            ["Magick.NET-Q8-x64"] = "15.1.0",
            ["Microsoft.EntityFrameworkCore.Sqlite"] = "10.0.0",
        },
        new Dictionary<string, string>
        {
            [ProgramFile] = """
                using System;
                using LazyMigrate;
                using Microsoft.Data.Sqlite;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.ML.OnnxRuntime;

                namespace HeavyStartupApp;

                public static class Program
                {
                    public static int Main(string[] args)
                    {
                        Console.WriteLine("app: starting " + Imaging.Label);
                        var options = new SessionOptions(); // expect: LZM0002
                        var services = new ServiceCollection();
                        services.AddSingleton(new SqliteConnection("Data Source=:memory:")); // expect: LZM0003
                        using var provider = services.BuildServiceProvider();
                        var connection = provider.GetRequiredService<SqliteConnection>(); // expect: LZM0004
                        LazyLoading.MarkReady();

                        // After the ready cut: using heavy things is what lazy loading is for, but each statement here
                        // names a heavy member, and compiling Main resolves it (loading its assembly) before ready.
                        Console.WriteLine("onnx: optimization " + options.GraphOptimizationLevel); // expect: LZM0005
                        connection.Open(); // expect: LZM0005
                        using SqliteCommand command = connection.CreateCommand(); // expect: LZM0005
                        command.CommandText = "SELECT 20 + 22"; // expect: LZM0005
                        Console.WriteLine("sqlite: " + command.ExecuteScalar()); // expect: LZM0005
                        Console.WriteLine("magick: " + Imaging.Swatch.Width + "x" + Imaging.Swatch.Height + " " + Imaging.Label); // expect: LZM0005
                        Console.WriteLine("app: done");
                        return 0;
                    }
                }
                """,
            [ImagingFile] = """
                using ImageMagick;

                namespace HeavyStartupApp;

                internal static class Imaging
                {
                    // Main reads the cheap Label before ready, which runs this initializer too (beforefieldinit).
                    internal static readonly MagickImage Swatch = new MagickImage(MagickColors.Red, 2, 2); // expect: LZM0001

                    internal static readonly string Label = "swatch";
                }
                """,
        });
}
