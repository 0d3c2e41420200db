// Eval stand-in, copied in by eval/patches/RagWebScraper.sh: the Blazorise packages are not served by the
// package mirror the evaluation runs against. The app uses the service registrations in Program.cs and one
// chart component (BarChart with BarChartDataset) in four Razor components; this declares those names with
// the shapes the app uses, so the app's own code compiles unchanged. The chart renders an empty canvas.
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace Blazorise
{
    public class BlazoriseOptions
    {
        public bool Immediate { get; set; }
    }

    public static class EvalBlazoriseServiceExtensions
    {
        public static IServiceCollection AddBlazorise(this IServiceCollection services, Action<BlazoriseOptions>? configure = null)
        {
            var options = new BlazoriseOptions();
            configure?.Invoke(options);
            services.AddSingleton(options);
            return services;
        }
    }
}

namespace Blazorise.Bootstrap5
{
    public static class EvalBootstrap5ServiceExtensions
    {
        public static IServiceCollection AddBootstrap5Providers(this IServiceCollection services) => services;

        public static IServiceCollection AddBootstrap5Components(this IServiceCollection services) => services;
    }
}

namespace Blazorise.Charts
{
    public class BarChartDataset<TItem>
    {
        public string? Label { get; set; }
        public string? BackgroundColor { get; set; }
        public string? BorderColor { get; set; }
        public int BorderWidth { get; set; }
        public List<TItem>? Data { get; set; }
    }

    public class BarChart<TItem> : ComponentBase
    {
        private readonly List<string> labels = new();
        private readonly List<BarChartDataset<TItem>> shown = new();

        [Parameter]
        public IEnumerable<BarChartDataset<TItem>>? Datasets { get; set; }

        public Task Clear()
        {
            labels.Clear();
            shown.Clear();
            return Task.CompletedTask;
        }

        public Task AddLabelsDatasetsAndUpdate(IReadOnlyCollection<string> newLabels, params BarChartDataset<TItem>[] datasets)
        {
            labels.AddRange(newLabels);
            shown.AddRange(datasets);
            StateHasChanged();
            return Task.CompletedTask;
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "canvas");
            builder.AddAttribute(1, "data-labels", labels.Count);
            builder.AddAttribute(2, "data-datasets", shown.Count);
            builder.CloseElement();
        }
    }
}
