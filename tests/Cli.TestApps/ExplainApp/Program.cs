using System;

namespace ExplainApp;

/// <summary>Touches the model host (ONNX Runtime) and a plugin found by name (Magick.NET), then prints READY.</summary>
internal static class Program
{
    private static int Main()
    {
        Console.WriteLine("model: " + ModelHost.Describe());
        Console.WriteLine("plugin: " + PluginFinder.Find("ImageMagick.MagickImage", "Magick.NET-Q8-x64"));
        Console.WriteLine("READY");
        return 0;
    }
}
