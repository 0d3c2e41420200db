using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Reflection;

namespace LazyMigrate.Internal;

/// <summary>Formats declaration sites and finds the first user frame of a first access.</summary>
internal static class CallSites
{
    private static readonly Assembly s_runtimeAssembly = typeof(CallSites).Assembly;
    private static readonly Assembly s_coreLib = typeof(object).Assembly;

    public static string? Declaration(string file, int line, string member)
    {
        if (string.IsNullOrEmpty(file))
        {
            return string.IsNullOrEmpty(member) ? null : member;
        }

        return string.IsNullOrEmpty(member) ? $"{file}:{line}" : $"{file}:{line} ({member})";
    }

    /// <summary>A declaration site without the directory, for metric tags (bounded and without local paths).</summary>
    public static string ShortDeclaration(string file, int line, string member)
        => string.IsNullOrEmpty(file) ? member : $"{Path.GetFileName(file)}:{line} ({member})";

    /// <summary>
    /// The first frame outside this library and CoreLib (task/thread-pool plumbing), skipping the
    /// static constructors of holder classes (<see cref="LazyValueHolderAttribute"/>): their caller,
    /// the property getter, is the use site. The walk reads no symbols (that is what made a first
    /// access slow): the frame's file and line are resolved when the site is printed.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "A frame whose method metadata was trimmed yields null and is skipped; the site is then unnamed, nothing else depends on it.")]
    public static UseSite? FirstUserFrame()
    {
        if (!LazyLoading.CaptureFirstUseSites)
        {
            return null;
        }

        var trace = new StackTrace(1, fNeedFileInfo: false);
        var frames = trace.GetFrames();
        foreach (var frame in frames)
        {
            var method = frame.GetMethod();
            if (method is null)
            {
                continue;
            }

            var assembly = method.DeclaringType?.Assembly ?? method.Module.Assembly;
            if (assembly == s_runtimeAssembly || assembly == s_coreLib || IsHolderInitializer(method))
            {
                continue;
            }

            var name = method.DeclaringType is null ? method.Name : $"{method.DeclaringType.FullName}.{method.Name}";
            return new UseSite(name, method, frame.GetILOffset());
        }

        return null;
    }

    /// <summary>A static constructor of a class marked <see cref="LazyValueHolderAttribute"/>.</summary>
    private static bool IsHolderInitializer(MethodBase method)
        => method is ConstructorInfo { IsStatic: true, DeclaringType: { } type }
           && type.IsDefined(typeof(LazyValueHolderAttribute), inherit: false);
}
