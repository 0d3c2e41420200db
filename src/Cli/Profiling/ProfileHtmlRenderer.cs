using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using LazyMigrate.Catalog;
using LazyMigrate.Cli.Explaining;

namespace LazyMigrate.Cli.Profiling;

/// <summary>
/// A self-contained HTML page for a startup profile: inline CSS, an inline SVG waterfall of every
/// load before (and after) ready, and tables. It references no network resource, so it opens
/// offline and can be attached to a CI run.
/// </summary>
public static class ProfileHtmlRenderer
{
    private const int LabelWidth = 330;
    private const int ChartWidth = 820;
    private const int RowHeight = 18;
    private const int AxisHeight = 28;

    private sealed record Row(string Label, double StartMs, double EndMs, string Kind, string Tooltip, bool AfterReady);

    /// <summary>Renders the page.</summary>
    public static string Render(ProfileModel profile, string command, int? exitCode, ExplanationReport? explanations = null)
    {
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<title>Startup profile - ").Append(E(command)).Append("</title>\n");
        html.Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
        html.Append("<header><h1>Startup profile</h1><p class=\"cmd\"><code>").Append(E(command)).Append("</code></p></header>\n");

        var heavyAssemblies = profile.Assemblies.Count(a => a.HeavyPackage is not null);
        var heavyNatives = profile.NativeLibraries.Count(n => n.HeavyPackage is not null);
        html.Append("<section class=\"stats\">");
        Stat(html, "ready after", Ms(profile.ReadyAtMs), ProfileTextRenderer.ReadyReason(profile));
        Stat(html, "RSS at ready", ProfileTextRenderer.Mb(profile.RssBytes), "peak " + ProfileTextRenderer.Mb(profile.PeakRssBytes));
        Stat(html, "managed assemblies", profile.Assemblies.Count.ToString(CultureInfo.InvariantCulture), heavyAssemblies + " heavy", heavyAssemblies > 0);
        Stat(html, "native libraries", profile.NativeLibraries.Count.ToString(CultureInfo.InvariantCulture), heavyNatives + " heavy", heavyNatives > 0);
        if (exitCode is { } code)
        {
            Stat(html, "exit code", code.ToString(CultureInfo.InvariantCulture), string.Empty);
        }

        html.Append("</section>\n");

        var packages = profile.HeavyPackages;
        html.Append("<h2>Heavy packages loaded before ready</h2>\n");
        if (packages.Count == 0)
        {
            html.Append("<p class=\"ok\">None: no package from the heavy catalog loaded before the app was ready.</p>\n");
        }
        else
        {
            html.Append("<div class=\"cards\">\n");
            foreach (var p in packages)
            {
                var info = HeavyPackageCatalog.FindByName(p.Name);
                html.Append("<div class=\"card\"><h3>").Append(E(p.Name)).Append("</h3>");
                html.Append("<p class=\"when\">").Append(Ms(p.FirstAtMs)).Append(" &rarr; ").Append(Ms(p.LastAtMs))
                    .Append(", ~").Append(Ms(p.CostMs)).Append(" in its load gaps</p>");
                if (info is not null)
                {
                    html.Append("<p>").Append(E(info.Description)).Append("</p>");
                }

                if (p.Assemblies.Count > 0)
                {
                    html.Append("<p><b>assemblies:</b> ").Append(E(string.Join(", ", p.Assemblies))).Append("</p>");
                }

                if (p.NativeLibraries.Count > 0)
                {
                    html.Append("<p><b>native:</b> ").Append(E(string.Join(", ", p.NativeLibraries))).Append("</p>");
                }

                if (p.Trigger is not null)
                {
                    html.Append("<p><b>triggered by:</b> <code>").Append(E(p.Trigger)).Append("</code></p>");
                }

                html.Append("</div>\n");
            }

            html.Append("</div>\n");
        }

        if (explanations is not null && explanations.Loads.Count > 0)
        {
            Explanations(html, explanations);
        }

        html.Append("<h2>Waterfall</h2>\n<p class=\"legend\">");
        foreach (var (kind, label) in new[] { ("heavy", "heavy package"), ("user", "application / NuGet"), ("framework", "framework"), ("native", "native library"), ("after", "after ready") })
        {
            html.Append("<span class=\"sw ").Append(kind).Append("\"></span>").Append(label).Append(' ');
        }

        html.Append("&nbsp; Each bar spans the time since the previous load (JIT, type loading and initialisation that led to this load). Hover a bar for its trigger.</p>\n");
        html.Append(Waterfall(profile, explanations));

        html.Append("<h2>Managed assemblies before ready</h2>\n");
        html.Append("<table><thead><tr><th class=\"num\">at</th><th class=\"num\">+since previous</th><th>assembly</th><th>version</th><th>heavy package</th><th>triggered by</th></tr></thead><tbody>\n");
        foreach (var a in profile.Assemblies)
        {
            html.Append(a.HeavyPackage is not null ? "<tr class=\"heavy\">" : "<tr>");
            html.Append("<td class=\"num\">").Append(Ms(a.AtMs)).Append("</td><td class=\"num\">").Append(Ms(a.SincePreviousMs)).Append("</td>");
            html.Append("<td>").Append(E(a.Name)).Append("</td><td>").Append(E(a.Version)).Append("</td><td>").Append(E(a.HeavyPackage ?? string.Empty)).Append("</td><td>");
            var trigger = a.BeforeHook ? "(before the hook)" : a.Trigger ?? (a.Framework ? "(runtime)" : string.Empty);
            if (a.Stack.Count > 0)
            {
                html.Append("<details><summary><code>").Append(E(trigger)).Append("</code></summary><pre>").Append(E(string.Join("\n", a.Stack))).Append("</pre></details>");
            }
            else
            {
                html.Append("<code>").Append(E(trigger)).Append("</code>");
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
        html.Append("<h2>Native libraries before ready</h2>\n");
        html.Append("<table><thead><tr><th class=\"num\">first seen</th><th>library</th><th>heavy package</th><th>path</th></tr></thead><tbody>\n");
        foreach (var n in profile.NativeLibraries)
        {
            html.Append(n.HeavyPackage is not null ? "<tr class=\"heavy\">" : "<tr>");
            html.Append("<td class=\"num\">").Append(Ms(n.AtMs)).Append("</td><td>").Append(E(n.Name)).Append("</td><td>")
                .Append(E(n.HeavyPackage ?? string.Empty)).Append("</td><td class=\"path\">").Append(E(n.Path)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
        if (explanations is not null)
        {
            Unexplained(html, explanations);
        }

        html.Append("<footer>Generated by lazymigrate profile. Native libraries are sampled from /proc/self/maps, so their times are upper bounds.</footer>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>One page for a migration: the before/after table and both waterfalls.</summary>
    public static string RenderComparison(ProfileModel before, ProfileModel after, string command, string table)
    {
        var html = new StringBuilder(128 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<title>Migration - ").Append(E(command)).Append("</title>\n");
        html.Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
        html.Append("<header><h1>Startup before and after migration</h1><p class=\"cmd\"><code>").Append(E(command)).Append("</code></p></header>\n");
        html.Append("<pre class=\"table\">").Append(E(table)).Append("</pre>\n");
        foreach (var (title, profile) in new[] { ("Before", before), ("After", after) })
        {
            html.Append("<h2>").Append(title).Append(": ready after ").Append(Ms(profile.ReadyAtMs)).Append("</h2>\n");
            html.Append(Waterfall(profile, null));
        }

        html.Append("<footer>Generated by lazymigrate migrate. Each waterfall is the run closest to the median time to ready.</footer>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Explanations(StringBuilder html, ExplanationReport report)
    {
        var root = report.RootDirectory;
        if (!report.Analyzed)
        {
            html.Append("<h2>Where the heavy loads came from</h2>\n<p class=\"legend\">Not matched to LZM diagnostics: ").Append(E(report.Note ?? string.Empty)).Append("</p>\n<ul class=\"why\">\n");
            foreach (var item in report.Loads)
            {
                html.Append("<li><code>").Append(E(ProfileTextRenderer.Headline(item.Load, root))).Append("</code></li>\n");
            }

            html.Append("</ul>\n");
            return;
        }

        var explained = report.ExplainedLoads.ToList();
        html.Append("<h2>Why they loaded</h2>\n<p class=\"legend\">").Append(explained.Count).Append(" of ").Append(report.Loads.Count)
            .Append(" heavy load(s) explained by an LZM diagnostic on their call path; the unexplained ones are listed at the end of the page.</p>\n<ul class=\"why\">\n");
        foreach (var item in explained)
        {
            html.Append("<li class=\"explained\"><code>").Append(E(ProfileTextRenderer.Headline(item.Load, root))).Append("</code><ul>");
            foreach (var d in item.Diagnostics)
            {
                html.Append("<li><b>").Append(E(d.Id)).Append("</b> at <code>").Append(E($"{LoadFrame.RelativePath(root, d.File)}:{d.Line}:{d.Column}")).Append("</code>")
                    .Append(d.Fixable ? " <span class=\"fixable\">fixable</span>" : string.Empty).Append(": ").Append(E(d.Message))
                    .Append("<br><span class=\"reason\">").Append(E(d.Reason)).Append("</span></li>");
            }

            // No explaining diagnostic has a fix: name the caller's that migrate applies instead.
            foreach (var d in item.FixedFurtherOut ? item.Fixes : Array.Empty<ExplainingDiagnostic>())
            {
                html.Append("<li>fix: <b>").Append(E(d.Id)).Append("</b> at <code>").Append(E($"{LoadFrame.RelativePath(root, d.File)}:{d.Line}:{d.Column}")).Append("</code>")
                    .Append(" <span class=\"fixable\">fixable</span>: ").Append(E(d.Message))
                    .Append("<br><span class=\"reason\">").Append(E(d.Reason)).Append("</span></li>");
            }

            html.Append("</ul></li>\n");
        }

        html.Append("</ul>\n");
    }

    private static void Unexplained(StringBuilder html, ExplanationReport report)
    {
        var unexplained = report.UnexplainedLoads.ToList();
        if (unexplained.Count == 0)
        {
            return;
        }

        html.Append("<h2>Unexplained heavy loads</h2>\n<p class=\"legend\">No LZM diagnostic lies on the call path of these loads: they are the analyzers' blind spots. Make them lazy by hand.</p>\n<ul class=\"why\">\n");
        foreach (var item in unexplained)
        {
            html.Append("<li class=\"unexplained\"><code>").Append(E(ProfileTextRenderer.Headline(item.Load, report.RootDirectory))).Append("</code>");
            html.Append("<details><summary>user frames and stack</summary><pre>");
            foreach (var frame in item.Load.Frames)
            {
                html.Append(E($"{(frame.Source is null ? "(no source line)" : frame.Describe(report.RootDirectory))}  {frame.Method}{(frame.Text is null ? string.Empty : "  `" + frame.Text + "`")}")).Append('\n');
            }

            html.Append('\n').Append(E(string.Join("\n", item.Load.Stack))).Append("</pre></details></li>\n");
        }

        html.Append("</ul>\n");
    }

    private static string Waterfall(ProfileModel profile, ExplanationReport? explanations)
    {
        string Why(string assembly)
        {
            var item = explanations is { Analyzed: true } ? explanations.Loads.FirstOrDefault(l => l.Load.Assemblies.Contains(assembly)) : null;
            if (item is null)
            {
                return string.Empty;
            }

            var where = item.Load.Frames.Count == 0 ? string.Empty : "\nfrom " + item.Load.Frames[0].Describe(explanations!.RootDirectory);
            return where + (item.Explained ? "\nexplained by " + string.Join(", ", item.Diagnostics.Select(d => d.Id).Distinct()) : "\nunexplained: no LZM diagnostic on its call path");
        }

        var rows = new List<Row>();
        var events = profile.Assemblies.Select(a => (a.AtMs, IsNative: false, Assembly: (AssemblyLoad?)a, Native: (NativeLoad?)null, After: false))
            .Concat(profile.NativeLibraries.Select(n => (n.AtMs, IsNative: true, Assembly: (AssemblyLoad?)null, Native: (NativeLoad?)n, After: false)))
            .Concat(profile.AfterReadyAssemblies.Select(a => (a.AtMs, IsNative: false, Assembly: (AssemblyLoad?)a, Native: (NativeLoad?)null, After: true)))
            .Concat(profile.AfterReadyNativeLibraries.Select(n => (n.AtMs, IsNative: true, Assembly: (AssemblyLoad?)null, Native: (NativeLoad?)n, After: true)))
            .OrderBy(e => e.AtMs).ToList();
        var previous = 0.0;
        foreach (var e in events)
        {
            if (e.Assembly is { } a)
            {
                var kind = e.After ? "after" : a.HeavyPackage is not null ? "heavy" : a.Framework || a.BeforeHook ? "framework" : "user";
                var tip = $"{a.Name} {a.Version}\nloaded at {Ms(a.AtMs)} (+{Ms(a.SincePreviousMs)})" +
                    (a.HeavyPackage is null ? string.Empty : $"\nheavy package: {a.HeavyPackage}" + (e.After ? string.Empty : Why(a.Name))) +
                    (a.Trigger is null ? string.Empty : $"\ntriggered by: {a.Trigger}") +
                    (a.Stack.Count == 0 ? string.Empty : "\n  " + string.Join("\n  ", a.Stack.Take(8)));
                rows.Add(new Row(a.Name, Math.Max(0, a.AtMs - a.SincePreviousMs), a.AtMs, kind, tip, e.After));
            }
            else if (e.Native is { } n)
            {
                var kind = e.After ? "after" : n.HeavyPackage is not null ? "heavy" : "native";
                var tip = $"{n.Name} (native)\nfirst seen at {Ms(n.AtMs)}" + (n.HeavyPackage is null ? string.Empty : $"\nheavy package: {n.HeavyPackage}") + "\n" + n.Path;
                rows.Add(new Row("\u2699 " + n.Name, Math.Min(previous, n.AtMs), n.AtMs, kind, tip, e.After));
            }

            previous = e.AtMs;
        }

        var end = Math.Max(1, Math.Max(profile.ReadyAtMs, rows.Count == 0 ? 0 : rows.Max(r => r.EndMs)));
        end = NiceCeiling(end);
        double X(double ms) => LabelWidth + (ms / end * ChartWidth);
        var height = AxisHeight + (rows.Count * RowHeight) + 10;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"waterfall\" viewBox=\"0 0 {LabelWidth + ChartWidth + 40} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" role=\"img\" aria-label=\"Waterfall of assembly and native library loads\">\n"));
        var step = NiceStep(end / 8);
        for (var t = 0.0; t <= end + 0.001; t += step)
        {
            svg.Append(Invariant($"<line class=\"grid\" x1=\"{X(t):0.#}\" y1=\"{AxisHeight - 6}\" x2=\"{X(t):0.#}\" y2=\"{height - 6}\"/>"));
            svg.Append(Invariant($"<text class=\"axis\" x=\"{X(t):0.#}\" y=\"{AxisHeight - 10}\" text-anchor=\"middle\">{t:0.#} ms</text>\n"));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = AxisHeight + (i * RowHeight);
            var x1 = X(row.StartMs);
            var width = Math.Max(2, X(row.EndMs) - x1);
            svg.Append("<g class=\"row ").Append(row.Kind).Append("\"><title>").Append(E(row.Tooltip)).Append("</title>");
            if (i % 2 == 0)
            {
                svg.Append(Invariant($"<rect class=\"band\" x=\"0\" y=\"{y}\" width=\"{LabelWidth + ChartWidth}\" height=\"{RowHeight}\"/>"));
            }

            svg.Append(Invariant($"<text class=\"label\" x=\"{LabelWidth - 8}\" y=\"{y + 13}\" text-anchor=\"end\">")).Append(E(Clip(row.Label, 44))).Append("</text>");
            svg.Append(Invariant($"<rect class=\"bar\" x=\"{x1:0.#}\" y=\"{y + 3}\" width=\"{width:0.#}\" height=\"{RowHeight - 6}\" rx=\"2\"/>"));
            svg.Append(Invariant($"<text class=\"t\" x=\"{x1 + width + 4:0.#}\" y=\"{y + 13}\">{row.EndMs:0.#}</text></g>\n"));
        }

        var readyX = X(profile.ReadyAtMs);
        svg.Append(Invariant($"<line class=\"ready\" x1=\"{readyX:0.#}\" y1=\"{AxisHeight - 6}\" x2=\"{readyX:0.#}\" y2=\"{height - 6}\"/>"));
        svg.Append(Invariant($"<text class=\"readylabel\" x=\"{readyX - 4:0.#}\" y=\"{height - 10}\" text-anchor=\"end\">ready {profile.ReadyAtMs:0.#} ms</text>\n"));
        svg.Append("</svg>\n");
        return "<div class=\"chart\">" + svg + "</div>\n";
    }

    private static double NiceCeiling(double value)
    {
        var step = NiceStep(value / 8);
        return Math.Ceiling(value / step) * step;
    }

    private static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(raw, 0.001))));
        foreach (var factor in new[] { 1.0, 2.0, 5.0, 10.0 })
        {
            if (raw <= factor * magnitude)
            {
                return factor * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static void Stat(StringBuilder html, string label, string value, string note, bool alert = false)
    {
        html.Append(alert ? "<div class=\"stat alert\">" : "<div class=\"stat\">")
            .Append("<div class=\"v\">").Append(E(value)).Append("</div><div class=\"l\">").Append(E(label))
            .Append("</div><div class=\"n\">").Append(E(note)).Append("</div></div>");
    }

    private static string Ms(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    private static string Clip(string text, int width) => text.Length <= width ? text : text.Substring(0, width - 1) + "\u2026";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private const string Css = """
        body { max-width: 1320px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 24px 32px; color: #1d2330; background: #fbfbfd; }
        h1 { margin: 0 0 4px; font-size: 24px; } h2 { margin: 28px 0 10px; font-size: 18px; border-bottom: 1px solid #dde1ea; padding-bottom: 4px; }
        h3 { margin: 0 0 6px; font-size: 15px; color: #a11d1d; }
        code, pre { font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", Menlo, monospace; }
        .cmd code { background: #eef0f5; padding: 2px 6px; border-radius: 4px; }
        .stats { display: flex; gap: 14px; flex-wrap: wrap; margin-top: 14px; }
        .stat { background: #fff; border: 1px solid #dde1ea; border-radius: 8px; padding: 10px 16px; min-width: 150px; }
        .stat .v { font-size: 22px; font-weight: 600; } .stat .l { color: #556; } .stat .n { color: #889; font-size: 12px; }
        .stat.alert { border-color: #e7a3a3; background: #fff5f5; } .stat.alert .v { color: #b42318; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 12px; }
        .card { background: #fff5f5; border: 1px solid #f0c2c2; border-left: 4px solid #d92d20; border-radius: 6px; padding: 10px 14px; }
        .card p { margin: 3px 0; } .card .when { color: #7a271a; font-weight: 600; }
        .ok { color: #067647; font-weight: 600; }
        .legend { color: #556; font-size: 12px; } .sw { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin: 0 4px -2px 10px; }
        .sw.heavy, .row.heavy .bar { fill: #d92d20; background: #d92d20; }
        .sw.user, .row.user .bar { fill: #2e6be6; background: #2e6be6; }
        .sw.framework, .row.framework .bar { fill: #a3abbb; background: #a3abbb; }
        .sw.native, .row.native .bar { fill: #8e44ad; background: #8e44ad; }
        .sw.after, .row.after .bar { fill: #d5d9e2; background: #d5d9e2; }
        .chart { max-width: 1300px; background: #fff; border: 1px solid #dde1ea; border-radius: 8px; padding: 8px; }
        .waterfall text { font: 11px system-ui, sans-serif; fill: #333; }
        .waterfall .row.heavy .label { fill: #b42318; font-weight: 600; }
        .waterfall .row.after .label { fill: #99a; }
        .waterfall .t { fill: #778; font-size: 10px; }
        .waterfall .axis { fill: #667; }
        .waterfall .band { fill: #f5f6fa; }
        .waterfall .grid { stroke: #e6e8ef; stroke-width: 1; }
        .waterfall .ready { stroke: #067647; stroke-width: 2; stroke-dasharray: 5 3; }
        .waterfall .readylabel { fill: #067647; font-weight: 600; }
        .waterfall .row:hover .bar { stroke: #111; stroke-width: 1; }
        table { border-collapse: collapse; width: 100%; background: #fff; font-size: 13px; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eceef3; vertical-align: top; }
        th { background: #f1f3f8; position: sticky; top: 0; } td.num, th.num { text-align: right; white-space: nowrap; }
        tr.heavy td { background: #fff1f0; } tr.heavy td:nth-child(3) { color: #b42318; font-weight: 600; }
        td.path { color: #667; font-size: 12px; word-break: break-all; }
        details summary { cursor: pointer; } details pre { margin: 4px 0; color: #445; white-space: pre-wrap; word-break: break-all; }
        ul.why { padding-left: 18px; } ul.why > li { margin: 6px 0; } ul.why li.unexplained > code { color: #b42318; font-weight: 600; }
        .fixable { background: #e7f6ec; color: #067647; border-radius: 4px; padding: 0 5px; font-size: 12px; } .reason { color: #667; font-size: 12px; }
        pre.table { background: #fff; border: 1px solid #dde1ea; border-radius: 8px; padding: 10px 14px; }
        footer { margin-top: 28px; color: #889; font-size: 12px; }

        """;
}
