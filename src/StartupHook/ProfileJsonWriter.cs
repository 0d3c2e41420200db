using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LazyMigrate.StartupHook;

/// <summary>
/// Writes <see cref="ProfileData"/> as JSON by hand: System.Text.Json would load several assemblies into the
/// very process being measured. The shape is documented in docs/profile-format.md; keep the two in step.
/// </summary>
internal static class ProfileJsonWriter
{
    public const int FormatVersion = 1;

    public static string ToJson(ProfileData data)
    {
        var json = new StringBuilder(16384);
        json.Append("{\n");
        Property(json, 1, "format", "lazymigrate-startup-profile");
        Property(json, 1, "formatVersion", FormatVersion);
        Property(json, 1, "processId", Environment.ProcessId);
        Property(json, 1, "commandLine", string.Join(" ", Environment.GetCommandLineArgs()));
        Property(json, 1, "readyMarker", data.Marker);
        Property(json, 1, "startTimeSource", data.StartTimeSource);
        Property(json, 1, "hookStartedAtMs", data.HookStartedAtMs);
        Property(json, 1, "readyAtMs", data.ReadyAtMs);
        Property(json, 1, "readyReason", data.ReadyReason);
        Property(json, 1, "rssBytes", data.RssBytes);
        Property(json, 1, "peakRssBytes", data.PeakRssBytes);

        Indent(json, 1).Append("\"summary\": ");
        Summary(json, 1, data.Assemblies, data.NativeLibraries);
        json.Append(",\n");
        Indent(json, 1).Append("\"assemblies\": ");
        Assemblies(json, 1, data.Assemblies);
        json.Append(",\n");
        Indent(json, 1).Append("\"nativeLibraries\": ");
        NativeLibraries(json, 1, data.NativeLibraries);
        json.Append(",\n");

        Indent(json, 1).Append("\"afterReady\": {\n");
        Indent(json, 2).Append("\"complete\": ").Append(data.ExitAtMs.HasValue ? "true" : "false").Append(",\n");
        Indent(json, 2).Append("\"exitAtMs\": ").Append(data.ExitAtMs.HasValue ? Number(data.ExitAtMs.Value) : "null").Append(",\n");
        Indent(json, 2).Append("\"peakRssBytes\": ").Append(data.ExitPeakRssBytes.HasValue ? data.ExitPeakRssBytes.Value.ToString(CultureInfo.InvariantCulture) : "null").Append(",\n");
        Indent(json, 2).Append("\"summary\": ");
        Summary(json, 2, data.AfterReadyAssemblies, data.AfterReadyNativeLibraries);
        json.Append(",\n");
        Indent(json, 2).Append("\"assemblies\": ");
        Assemblies(json, 2, data.AfterReadyAssemblies);
        json.Append(",\n");
        Indent(json, 2).Append("\"nativeLibraries\": ");
        NativeLibraries(json, 2, data.AfterReadyNativeLibraries);
        json.Append('\n');
        Indent(json, 1).Append("}\n");
        json.Append("}\n");
        return json.ToString();
    }

    private static void Summary(StringBuilder json, int depth, List<AssemblyLoadEvent> assemblies, List<NativeLibraryEvent> natives)
    {
        // Heavy packages in order of first appearance, with everything of theirs that loaded.
        var order = new List<string>();
        var byPackage = new Dictionary<string, (List<string> Assemblies, List<string> Natives, double First, double Last)>();
        void Add(string package, string? assembly, string? native, double at)
        {
            if (!byPackage.TryGetValue(package, out var entry))
            {
                entry = (new List<string>(), new List<string>(), at, at);
                order.Add(package);
            }

            if (assembly is not null)
            {
                entry.Assemblies.Add(assembly);
            }

            if (native is not null)
            {
                entry.Natives.Add(native);
            }

            byPackage[package] = (entry.Assemblies, entry.Natives, Math.Min(entry.First, at), Math.Max(entry.Last, at));
        }

        var heavyAssemblies = 0;
        foreach (var a in assemblies)
        {
            if (a.HeavyPackage is not null)
            {
                heavyAssemblies++;
                Add(a.HeavyPackage, a.Name, null, a.AtMs);
            }
        }

        var heavyNatives = 0;
        foreach (var n in natives)
        {
            if (n.HeavyPackage is not null)
            {
                heavyNatives++;
                Add(n.HeavyPackage, null, n.Name, n.FirstSeenAtMs);
            }
        }

        json.Append("{\n");
        Property(json, depth + 1, "assemblyCount", assemblies.Count);
        Property(json, depth + 1, "heavyAssemblyCount", heavyAssemblies);
        Property(json, depth + 1, "nativeLibraryCount", natives.Count);
        Property(json, depth + 1, "heavyNativeLibraryCount", heavyNatives);
        Indent(json, depth + 1).Append("\"heavyPackages\": [");
        for (var i = 0; i < order.Count; i++)
        {
            var entry = byPackage[order[i]];
            json.Append(i == 0 ? "\n" : ",\n");
            Indent(json, depth + 2).Append("{ \"name\": ").Append(Quote(order[i]))
                .Append(", \"firstAtMs\": ").Append(Number(entry.First))
                .Append(", \"lastAtMs\": ").Append(Number(entry.Last))
                .Append(", \"assemblies\": ").Append(StringArray(entry.Assemblies))
                .Append(", \"nativeLibraries\": ").Append(StringArray(entry.Natives))
                .Append(" }");
        }

        json.Append(order.Count == 0 ? "]\n" : "\n" + new string(' ', (depth + 1) * 2) + "]\n");
        Indent(json, depth).Append('}');
    }

    private static void Assemblies(StringBuilder json, int depth, List<AssemblyLoadEvent> assemblies)
    {
        json.Append('[');
        double? previous = null;
        for (var i = 0; i < assemblies.Count; i++)
        {
            var a = assemblies[i];
            json.Append(i == 0 ? "\n" : ",\n");
            Indent(json, depth + 1).Append("{ \"name\": ").Append(Quote(a.Name))
                .Append(", \"version\": ").Append(Quote(a.Version))
                .Append(", \"atMs\": ").Append(Number(a.AtMs))
                .Append(", \"sincePreviousMs\": ").Append(Number(previous.HasValue ? Math.Max(0, a.AtMs - previous.Value) : 0))
                .Append(", \"heavyPackage\": ").Append(a.HeavyPackage is null ? "null" : Quote(a.HeavyPackage))
                .Append(", \"framework\": ").Append(a.Framework ? "true" : "false")
                .Append(", \"beforeHook\": ").Append(a.BeforeHook ? "true" : "false")
                .Append(", \"trigger\": ").Append(a.Trigger is null ? "null" : Quote(a.Trigger))
                .Append(", \"triggerAssembly\": ").Append(a.TriggerAssembly is null ? "null" : Quote(a.TriggerAssembly))
                .Append(", \"threadId\": ").Append(a.ThreadId.ToString(CultureInfo.InvariantCulture))
                .Append(", \"location\": ").Append(Quote(a.Location))
                .Append(", \"stack\": ").Append(StringArray(a.Stack))
                .Append(", \"userFrames\": ").Append(UserFrames(a.UserFrames))
                .Append(" }");
            previous = a.AtMs;
        }

        json.Append(assemblies.Count == 0 ? "]" : "\n" + new string(' ', depth * 2) + "]");
    }

    private static string UserFrames(List<UserFrame> frames)
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < frames.Count; i++)
        {
            var f = frames[i];
            text.Append(i == 0 ? "" : ", ")
                .Append("{ \"method\": ").Append(Quote(f.Method))
                .Append(", \"module\": ").Append(Quote(f.Module))
                .Append(", \"token\": ").Append(f.Token.ToString(CultureInfo.InvariantCulture))
                .Append(", \"ilOffset\": ").Append(f.IlOffset.ToString(CultureInfo.InvariantCulture))
                .Append(" }");
        }

        return text.Append(']').ToString();
    }

    private static void NativeLibraries(StringBuilder json, int depth, List<NativeLibraryEvent> natives)
    {
        json.Append('[');
        for (var i = 0; i < natives.Count; i++)
        {
            var n = natives[i];
            json.Append(i == 0 ? "\n" : ",\n");
            Indent(json, depth + 1).Append("{ \"name\": ").Append(Quote(n.Name))
                .Append(", \"firstSeenAtMs\": ").Append(Number(n.FirstSeenAtMs))
                .Append(", \"heavyPackage\": ").Append(n.HeavyPackage is null ? "null" : Quote(n.HeavyPackage))
                .Append(", \"path\": ").Append(Quote(n.Path))
                .Append(" }");
        }

        json.Append(natives.Count == 0 ? "]" : "\n" + new string(' ', depth * 2) + "]");
    }

    private static void Property(StringBuilder json, int depth, string name, string value)
        => Indent(json, depth).Append(Quote(name)).Append(": ").Append(Quote(value)).Append(",\n");

    private static void Property(StringBuilder json, int depth, string name, double value)
        => Indent(json, depth).Append(Quote(name)).Append(": ").Append(Number(value)).Append(",\n");

    private static void Property(StringBuilder json, int depth, string name, long value)
        => Indent(json, depth).Append(Quote(name)).Append(": ").Append(value.ToString(CultureInfo.InvariantCulture)).Append(",\n");

    private static StringBuilder Indent(StringBuilder json, int depth) => json.Append(' ', depth * 2);

    private static string Number(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);

    private static string StringArray(List<string> values)
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < values.Count; i++)
        {
            text.Append(i == 0 ? "" : ", ").Append(Quote(values[i]));
        }

        return text.Append(']').ToString();
    }

    private static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }
}
