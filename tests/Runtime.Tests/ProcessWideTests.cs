using System;

namespace LazyMigrate.Runtime.Tests;

public sealed class ProcessWideTests
{
    [Fact]
    public void Mark_ready_records_the_time_once_and_invokes_the_profiler_callback()
    {
        // The only test that signals readiness: it is process-wide and one-shot.
        var calls = 0;
        AppContext.SetData(LazyLoading.ReadyCallbackDataName, new Action(() => calls++));
        Assert.False(LazyLoading.IsReady);
        Assert.Null(LazyLoading.ReadyAt);

        Assert.True(LazyLoading.MarkReady());
        Assert.False(LazyLoading.MarkReady());

        Assert.Equal(1, calls);
        Assert.True(LazyLoading.IsReady);
        Assert.NotNull(LazyLoading.ReadyAt);
        Assert.True(LazyLoading.GetStatus().IsReady);
    }

    [Fact]
    public void Probe_answers_from_the_test_apps_own_dependency_list()
    {
        Assert.True(PackageProbe.IsAssemblyPresent("xunit.core"));
        Assert.True(PackageProbe.IsAssemblyPresent("xunit.*"));
        Assert.True(PackageProbe.IsPackagePresent("xunit.runner.visualstudio") || PackageProbe.IsPackagePresent("xunit"));
        Assert.False(PackageProbe.IsAssemblyPresent("Contoso.Nothing"));
        Assert.False(PackageProbe.IsPackagePresent("TorchSharp"));
        Assert.False(LazyPackageRegistry.Default.Get("Magick.NET").IsAvailable);
        Assert.Contains("xunit.core", PackageProbe.GetPresentAssemblies("xunit*"));
    }

    [Theory]
    [InlineData(".JPG", "jpeg")]
    [InlineData("jpeg-xl", "jxl")]
    [InlineData("HEIF", "heic")]
    [InlineData("tif", "tiff")]
    [InlineData("AVIF", "avif")]
    public void Image_format_names_are_normalized(string input, string expected)
    {
        Assert.Equal(expected, ImageFormatSupport.Normalize(input));
    }

    [Fact]
    public void Without_image_libraries_no_format_is_supported()
    {
        // This test app references no image library.
        Assert.False(ImageFormatSupport.CanRead("png"));
        Assert.False(ImageFormatSupport.CanWrite("jxl"));
        Assert.Empty(ImageFormatSupport.Libraries);
    }
}
