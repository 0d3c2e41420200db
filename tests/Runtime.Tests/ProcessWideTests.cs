using System;
using System.Threading;
using System.Threading.Tasks;

namespace LazyMigrate.Runtime.Tests;

public sealed class ProcessWideTests
{
    [Fact]
    public async Task Mark_ready_records_the_time_once_invokes_the_profiler_callback_then_releases_waiters()
    {
        // The only test that signals readiness: it is process-wide and one-shot.
        var calls = 0;
        var waiter = LazyLoading.WhenReady();
        var waiterCompletedDuringCallback = true;
        AppContext.SetData(LazyLoading.ReadyCallbackDataName, new Action(() =>
        {
            calls++;
            waiterCompletedDuringCallback = waiter.IsCompleted;
        }));
        using var abandon = new CancellationTokenSource();
        var abandoned = LazyLoading.WhenReady(abandon.Token);
        Assert.False(LazyLoading.IsReady);
        Assert.Null(LazyLoading.ReadyAt);
        Assert.False(waiter.IsCompleted);

        abandon.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.False(waiter.IsCompleted);

        Assert.True(LazyLoading.MarkReady());
        Assert.False(LazyLoading.MarkReady());

        // The guard only keeps a broken implementation from hanging the run; it measures nothing.
        await waiter.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(waiterCompletedDuringCallback);
        Assert.True(LazyLoading.WhenReady(CancellationToken.None).IsCompleted);
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
