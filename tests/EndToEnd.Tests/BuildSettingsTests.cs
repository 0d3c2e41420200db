using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LazyMigrate.EndToEnd.Tests.Infrastructure;

namespace LazyMigrate.EndToEnd.Tests;

/// <summary>
/// Product projects (under the repository's src/) build with warnings as errors and XML docs; tests,
/// samples and benchmarks do not. That must hold wherever the clone sits, including inside a folder
/// that is itself named src (~/src/lazymigrate), where a test project's absolute path contains /src/.
/// </summary>
public sealed class BuildSettingsTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "lzm-layout-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind does not affect the result.
        }
    }

    [Fact]
    public void Only_projects_under_the_repository_src_folder_are_product_projects_even_in_a_clone_under_a_folder_named_src()
    {
        // The build files and every project file, copied to <temp>/src/lazymigrate: evaluation needs nothing else.
        var clone = Path.Combine(_work, "src", "lazymigrate");
        var projects = Directory.GetFiles(RepositoryLayout.Root, "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepositoryLayout.Root, p).Replace('\\', '/'))
            .Where(p => !p.Split('/').Any(part => part is "bin" or "obj"))
            .ToList();
        Assert.Contains(projects, p => p.StartsWith("src/", StringComparison.Ordinal));
        Assert.Contains(projects, p => p.StartsWith("tests/", StringComparison.Ordinal));
        foreach (var file in projects.Concat(new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" }))
        {
            var target = Path.Combine(clone, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(RepositoryLayout.Root, file), target);
        }

        Parallel.ForEach(projects, new ParallelOptions { MaxDegreeOfParallelism = 2 }, project =>
        {
            var result = ProcessRunner.Dotnet(clone, "msbuild", project, "-getProperty:TreatWarningsAsErrors", "-getProperty:GenerateDocumentationFile", "-getProperty:IsPackable");
            Assert.True(result.ExitCode == 0, result.Describe());
            var json = result.Output.Substring(result.Output.IndexOf('{'));
            using var document = JsonDocument.Parse(json);
            var properties = document.RootElement.GetProperty("Properties");
            var warningsAsErrors = properties.GetProperty("TreatWarningsAsErrors").GetString();
            var documentation = properties.GetProperty("GenerateDocumentationFile").GetString();
            var packable = properties.GetProperty("IsPackable").GetString();
            if (project.StartsWith("src/", StringComparison.Ordinal))
            {
                Assert.True(warningsAsErrors == "true", $"{project} is a product project but TreatWarningsAsErrors = '{warningsAsErrors}'");
            }
            else
            {
                // XML docs under warnings as errors fail a test project on CS1591 for every public test class.
                Assert.True(documentation != "true", $"{project} is not a product project but GenerateDocumentationFile = true");
                Assert.True(packable != "true", $"{project} is not a product project but IsPackable = true");
            }
        });
    }
}
