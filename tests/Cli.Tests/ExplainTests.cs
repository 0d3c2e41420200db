using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LazyMigrate.Cli.Tests.Infrastructure;

namespace LazyMigrate.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class ExplainTests : IClassFixture<ExplainAppFixture>
{
    private readonly ExplainAppFixture _app;

    public ExplainTests(ExplainAppFixture app) => _app = app;

    [Fact]
    public void A_load_through_a_static_initializer_is_explained_by_LZM0001_with_the_source_lines_of_its_trigger()
    {
        Assert.True(_app.Result.ExitCode == 0, _app.Result.ToString());
        var describeLine = ExplainAppFixture.LineOf("ModelHost.cs", "public static string Describe()");
        var initializerLine = ExplainAppFixture.LineOf("ModelHost.cs", "new SessionOptions()");
        var callerLine = ExplainAppFixture.LineOf("Program.cs", "ModelHost.Describe()");

        // Text: the load, its trigger's lines, the rule, and where the rule's diagnostic is.
        var why = Section(_app.Result.Out, "WHY THEY LOADED", "Managed assemblies before ready");
        var headline = why.Split('\n').Single(l => l.StartsWith("  Microsoft.ML.OnnxRuntime ", StringComparison.Ordinal));
        Assert.Contains($"\u2190 ModelHost.cs:{describeLine} `s_options.GraphOptimizationLevel.ToString()` \u2190 Program.cs:{callerLine}", headline);
        Assert.Contains("LZM0001, fixable", headline);
        Assert.Contains($"LZM0001 at ModelHost.cs:{initializerLine}:", why);

        // JSON: the same load with frames and the explaining diagnostic.
        using var json = JsonDocument.Parse(File.ReadAllText(_app.JsonPath));
        var section = json.RootElement.GetProperty("lazymigrate");
        Assert.True(section.GetProperty("explanationSource").GetProperty("analyzed").GetBoolean());
        Assert.Equal(1, section.GetProperty("explainedLoadCount").GetInt32());
        var onnx = Load(section, "Microsoft.ML.OnnxRuntime");
        Assert.True(onnx.GetProperty("explained").GetBoolean());
        var frames = onnx.GetProperty("frames").EnumerateArray().ToList();
        Assert.Equal(("ModelHost.cs", describeLine), (frames[0].GetProperty("relativePath").GetString(), frames[0].GetProperty("line").GetInt32()));
        Assert.Equal(("Program.cs", callerLine), (frames[1].GetProperty("relativePath").GetString(), frames[1].GetProperty("line").GetInt32()));
        var lzm0001 = onnx.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "LZM0001");
        Assert.Equal(("ModelHost.cs", initializerLine), (lzm0001.GetProperty("relativePath").GetString(), lzm0001.GetProperty("line").GetInt32()));
        Assert.True(lzm0001.GetProperty("fixable").GetBoolean());
        Assert.Equal(0, lzm0001.GetProperty("frameIndex").GetInt32());
    }

    [Fact]
    public void A_load_of_a_type_found_by_name_is_listed_as_unexplained_with_its_source_lines_and_stack()
    {
        Assert.True(_app.Result.ExitCode == 0, _app.Result.ToString());
        var getTypeLine = ExplainAppFixture.LineOf("PluginFinder.cs", "Type.GetType(");
        var callerLine = ExplainAppFixture.LineOf("Program.cs", "PluginFinder.Find(");

        // Text: not among the explained loads; in the closing section with its frames and stack.
        var why = Section(_app.Result.Out, "WHY THEY LOADED", "Managed assemblies before ready");
        Assert.DoesNotContain("  Magick.NET", why);
        var unexplained = Section(_app.Result.Out, "UNEXPLAINED HEAVY LOADS (1)", null);
        Assert.Contains("blind spots", unexplained);
        var headline = unexplained.Split('\n').Single(l => l.StartsWith("  !! Magick.NET [", StringComparison.Ordinal));
        Assert.Contains("Magick.NET-Q8-x64", headline);
        Assert.Contains($"\u2190 PluginFinder.cs:{getTypeLine} `var type = Type.GetType(", headline);
        Assert.Contains($"\u2190 Program.cs:{callerLine}", headline);
        Assert.Contains("System.Type.GetType", unexplained);

        // JSON: explained false, no diagnostics, the frames and the stack.
        using var json = JsonDocument.Parse(File.ReadAllText(_app.JsonPath));
        var section = json.RootElement.GetProperty("lazymigrate");
        Assert.Equal(1, section.GetProperty("unexplainedLoadCount").GetInt32());
        var magick = Load(section, "Magick.NET");
        Assert.False(magick.GetProperty("explained").GetBoolean());
        Assert.Empty(magick.GetProperty("diagnostics").EnumerateArray());
        var frames = magick.GetProperty("frames").EnumerateArray().ToList();
        Assert.Equal(("PluginFinder.cs", getTypeLine), (frames[0].GetProperty("relativePath").GetString(), frames[0].GetProperty("line").GetInt32()));
        Assert.Equal(("Program.cs", callerLine), (frames[1].GetProperty("relativePath").GetString(), frames[1].GetProperty("line").GetInt32()));
        Assert.Contains("System.Type.GetType", magick.GetProperty("stack").EnumerateArray().Select(s => s.GetString()));

        // HTML: the unexplained list closes the page.
        var html = File.ReadAllText(_app.HtmlPath);
        var end = html.Substring(html.IndexOf("<h2>Unexplained heavy loads</h2>", StringComparison.Ordinal));
        Assert.Contains($"PluginFinder.cs:{getTypeLine}", end);
    }

    [Fact]
    public async Task Profile_with_a_project_that_does_not_exist_is_exit_2_before_running_anything()
    {
        using var temp = new TempDirectory();
        var result = await CliRunner.RunAsync(temp.Path, "profile", "--project", temp.Combine("Missing.csproj"), "--", _app.AppDll);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("path not found", result.Err);
        Assert.DoesNotContain("Running", result.Err);
    }

    private static JsonElement Load(JsonElement section, string package) =>
        section.GetProperty("explanations").EnumerateArray().Single(e => e.GetProperty("package").GetString() == package);

    private static string Section(string text, string start, string? end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' not in the report:\n{text}");
        var to = end is null ? -1 : text.IndexOf(end, from, StringComparison.Ordinal);
        return to < 0 ? text.Substring(from) : text.Substring(from, to - from);
    }
}
