using System.IO;
using LazyMigrate.StartupHook;

namespace LazyMigrate.StartupHarness.Tests;

/// <summary>The hook's Console.Out wrapper: forwards everything unchanged and reports the first marker line once.</summary>
public sealed class ReadyMarkerWriterTests
{
    [Fact]
    public void Marker_written_in_pieces_is_reported_once_the_line_is_complete()
    {
        var inner = new StringWriter { NewLine = "\n" };
        var calls = 0;
        var writer = new ReadyMarkerWriter(inner, "READY", () => calls++);

        writer.Write("starting RE");
        writer.Write('A');
        writer.Write("DY now".ToCharArray(), 0, 6);
        Assert.Equal(0, calls);
        writer.Write('\n');

        Assert.Equal(1, calls);
        Assert.Equal("starting READY now\n", inner.ToString());
    }

    [Fact]
    public void Only_the_first_marker_line_counts_and_other_lines_do_not()
    {
        var inner = new StringWriter { NewLine = "\n" };
        var calls = 0;
        var writer = new ReadyMarkerWriter(inner, "READY", () => calls++);

        writer.WriteLine("not yet ready");
        writer.WriteLine("almost REA");
        Assert.Equal(0, calls);
        writer.WriteLine("app READY (v1)");
        writer.WriteLine("READY again");

        Assert.Equal(1, calls);
        Assert.Equal("not yet ready\nalmost REA\napp READY (v1)\nREADY again\n", inner.ToString());
    }

    [Theory]
    [InlineData("/usr/lib/x86_64-linux-gnu/libicuuc.so.72.1", true)]
    [InlineData("/app/runtimes/linux-x64/native/libonnxruntime.so", true)]
    [InlineData("/app/Magick.Native-Q8-x64.dll.so", true)]
    [InlineData("/app/HeavyStartup.dll", false)]
    [InlineData("/tmp/libgone.so (deleted)", false)]
    [InlineData("/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.0/System.Private.CoreLib.dll", false)]
    public void Shared_libraries_are_recognised_by_file_name(string path, bool expected)
    {
        Assert.Equal(expected, ProcFs.IsSharedLibrary(path));
    }
}
