using System.Collections.Generic;
using LazyMigrate.EndToEnd.Tests.Infrastructure;

namespace LazyMigrate.EndToEnd.Tests.Consumers;

/// <summary>An app that uses a heavy package and installs only LazyMigrate.Analyzers (added by the test with `dotnet add package`).</summary>
public static class AnalyzersOnlyApp
{
    public const string ImagingFile = "Imaging.cs";

    public static ConsumerTemplate Template { get; } = new(
        "AnalyzersOnlyApp",
        new Dictionary<string, string>
        {
            ["Magick.NET-Q8-x64"] = "15.1.0",
        },
        new Dictionary<string, string>
        {
            ["Program.cs"] = """
                using System;

                namespace AnalyzersOnlyApp;

                public static class Program
                {
                    public static int Main()
                    {
                        // Reading the cheap Label runs the heavy Swatch initializer beside it, until the fix.
                        Console.WriteLine("imaging: " + Imaging.Label);
                        Console.WriteLine("swatch: " + Imaging.Describe());
                        return 0;
                    }
                }
                """,
            [ImagingFile] = """
                using ImageMagick;

                namespace AnalyzersOnlyApp;

                public static class Imaging
                {
                    public static readonly MagickImage Swatch = new MagickImage(MagickColors.Blue, 3, 1); // expect: LZM0001

                    public static readonly string Label = "ready";

                    // Reads the object the initializer built (reported there): no finding of its own.
                    public static string Describe() => Swatch.Width + "x" + Swatch.Height;
                }
                """,
        });
}
