using System;
using LazyMigrate.Cli.Errors;
using LazyMigrate.Cli.Infrastructure;

namespace LazyMigrate.Cli.Profiling;

/// <summary>How a profiled program counts as ready, from <c>--ready-marker</c>, <c>--ready-url</c> or <c>--ready-started</c>.</summary>
public sealed class ReadyOptions
{
    /// <summary>The marker used when none is given.</summary>
    public const string DefaultMarker = "READY";

    /// <summary>--ready-marker.</summary>
    public static readonly OptionSpec MarkerOption = new("--ready-marker", null, "TEXT", $"Text whose appearance in a stdout line means ready (default: {DefaultMarker}); the runtime's ready signal and the exit count too.");

    /// <summary>--ready-url.</summary>
    public static readonly OptionSpec UrlOption = new("--ready-url", null, "URL", "A web app: pass it `--urls http://127.0.0.1:<free port>` and poll this path (`/health`, or a full URL whose host and port are replaced); ready = the first 2xx/3xx response.");

    /// <summary>--ready-started.</summary>
    public static readonly OptionSpec StartedOption = new("--ready-started", null, null, "A generic-host app (ASP.NET Core, worker): ready = the host's ApplicationStarted, no change to the app needed.");

    private ReadyOptions(string? marker, string? urlPath, bool started)
    {
        Marker = marker;
        UrlPath = urlPath;
        Started = started;
    }

    /// <summary>The marker text (marker mode only; null in the other modes).</summary>
    public string? Marker { get; }

    /// <summary>Path and query to poll on 127.0.0.1 (URL mode), or null.</summary>
    public string? UrlPath { get; }

    /// <summary>Ready at the host's ApplicationStarted.</summary>
    public bool Started { get; }

    /// <summary>Whether the program's exit before ready means it was never ready (URL and started modes).</summary>
    public bool ExitIsNotReady => UrlPath is not null || Started;

    /// <summary>The default: the marker <c>READY</c>, the runtime's signal, or the exit.</summary>
    public static ReadyOptions ForMarker(string? marker) => new(string.IsNullOrEmpty(marker) ? DefaultMarker : marker, null, false);

    /// <summary>Parses the three options (they exclude each other).</summary>
    public static ReadyOptions Parse(ParsedArguments args)
    {
        var marker = args.Value(MarkerOption.Name);
        var url = args.Value(UrlOption.Name);
        var started = args.Has(StartedOption.Name);
        var given = (marker is not null ? 1 : 0) + (url is not null ? 1 : 0) + (started ? 1 : 0);
        if (given > 1)
        {
            throw new BadInputException("--ready-marker, --ready-url and --ready-started each say when the program is ready: pass one", showUsage: true);
        }

        if (url is not null)
        {
            return new ReadyOptions(null, ParseUrlPath(url), false);
        }

        return started ? new ReadyOptions(null, null, true) : ForMarker(marker);
    }

    /// <summary>
    /// The path and query to poll: a value starting with <c>/</c> is taken as is; an absolute http(s) URL gives
    /// its path and query (its host and port are replaced by 127.0.0.1 and the port the tool picks).
    /// </summary>
    public static string ParseUrlPath(string value)
    {
        if (value.StartsWith('/'))
        {
            return value;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri.PathAndQuery;
        }

        throw new BadInputException($"--ready-url: '{value}' is neither a path starting with '/' nor an http:// URL", showUsage: true);
    }

    /// <summary>A short description for messages.</summary>
    public string Describe() =>
        UrlPath is not null ? $"no 2xx/3xx response from {UrlPath}"
        : Started ? "the host never raised ApplicationStarted"
        : $"no stdout line containing \"{Marker}\", no ready signal and no exit";
}
