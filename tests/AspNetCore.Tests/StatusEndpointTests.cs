using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static LazyMigrate.AspNetCore.Tests.StatusJson;

namespace LazyMigrate.AspNetCore.Tests;

[Collection(KestrelCollection.Name)]
public sealed class StatusEndpointTests
{
    [Fact]
    public async Task Status_endpoint_is_protected_when_mapped_with_RequireAuthorization()
    {
        var registry = new LazyPackageRegistry();
        HeavyPackages.RegisterMagick(registry, 1);

        await using var app = await KestrelTestApp.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton(registry);
                builder.Services.AddLazyLoading();
                builder.Services.AddAuthentication(TestAuthenticationHandler.SchemeName)
                    .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, null);
                builder.Services.AddAuthorization();
            },
            web =>
            {
                web.UseAuthentication();
                web.UseAuthorization();
                web.MapLazyLoadingStatus("/ops/lazy").RequireAuthorization();
            });

        using (var anonymous = await app.Client.GetAsync("/ops/lazy"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.DoesNotContain(HeavyPackages.Magick, await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "/ops/lazy"))
        {
            wrong.Headers.Authorization = new AuthenticationHeaderValue(TestAuthenticationHandler.SchemeName, "guess");
            using var response = await app.Client.SendAsync(wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using (var authorized = new HttpRequestMessage(HttpMethod.Get, "/ops/lazy"))
        {
            authorized.Headers.Authorization = new AuthenticationHeaderValue(TestAuthenticationHandler.SchemeName, TestAuthenticationHandler.Secret);
            using var response = await app.Client.SendAsync(authorized);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(HeavyPackages.Magick, Package(document.RootElement, HeavyPackages.Magick).GetProperty("name").GetString());
        }

        // The default route is not mapped and the app's own endpoints stay anonymous.
        using (var defaultRoute = await app.Client.GetAsync(LazyLoadingEndpointRouteBuilderExtensions.DefaultPattern))
        {
            Assert.Equal(HttpStatusCode.NotFound, defaultRoute.StatusCode);
        }

        Assert.Equal("pong", await app.Client.GetStringAsync("/ping"));
    }

    [Fact]
    public async Task Status_endpoint_serves_the_default_registry_by_default_with_every_documented_field()
    {
        await using var app = await KestrelTestApp.StartAsync(
            builder => builder.Services.AddLazyLoading(options => options.Enabled = false),
            web => web.MapLazyLoadingStatus());

        var status = await app.GetStatusAsync();

        // Listed: the catalog packages this test app contains; not the catalog entries it lacks.
        var names = Packages(status).Select(p => p.GetProperty("name").GetString()).ToArray();
        Assert.Contains(HeavyPackages.Magick, names);
        Assert.Contains(HeavyPackages.Onnx, names);
        Assert.DoesNotContain("TorchSharp", names);
        Assert.DoesNotContain("LibGit2Sharp", names);
        Assert.Equal(names.Length, status.GetProperty("progress").GetProperty("totalPackages").GetInt32());
        foreach (var property in new[] { "totalPackages", "loadedPackages", "failedPackages", "loadingPackages", "notPresentPackages", "percentage", "totalValues", "builtValues", "failedValues" })
        {
            Assert.True(status.GetProperty("progress").TryGetProperty(property, out _), property);
        }

        var magick = Package(status, HeavyPackages.Magick);
        foreach (var property in new[] { "name", "state", "priority", "loadTimeMs", "error", "trigger", "declarationSite", "failedComponent", "nextRetryAt" })
        {
            Assert.True(magick.TryGetProperty(property, out _), property);
        }

        Assert.Equal(LazyPackageRegistry.Default.Get(HeavyPackages.Magick).Priority, magick.GetProperty("priority").GetInt32());
        Assert.Equal(JsonValueKind.Array, status.GetProperty("values").ValueKind);
    }

    [Fact]
    public async Task Mapping_with_an_empty_pattern_is_rejected_with_a_clear_message()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddLazyLoading();
        await using var app = builder.Build();
        var error = Assert.Throws<ArgumentException>(() => app.MapLazyLoadingStatus(" "));
        Assert.Contains("route pattern", error.Message, StringComparison.Ordinal);
    }
}
