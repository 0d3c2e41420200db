using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Threading.Tasks;

namespace ModelApi;

/// <summary>
/// The requests the app sends itself once it is ready, as a deployment's smoke check would: one per endpoint,
/// each printed with its status and body, and how long the first call of each endpoint took on a <c>TIMING</c> line.
/// </summary>
internal static class SelfCheck
{
    private static readonly (string Part, string Path)[] Requests =
    {
        ("health", "/health"),
        ("models", "/models"),
        ("predict", "/predict?x=0.5,1.5,2"),
        ("threshold", "/models/2/decide?x=0.5,1,1.5"),
        ("models", "/models"),
    };

    public static async Task RunAsync(string baseAddress)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseAddress) };
        var timed = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        foreach (var (part, path) in Requests)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            watch.Stop();
            Console.WriteLine($"GET {path} -> {(int)response.StatusCode} {body}");
            if (timed.Add(part))
            {
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "TIMING first-use {0} {1:0.0} ms", part, watch.Elapsed.TotalMilliseconds));
            }
        }
    }
}
