using System.Diagnostics;
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

    /// <summary>
    /// The first frame outside this library and CoreLib (task/thread-pool plumbing), skipping the
    /// static constructors of holder classes (<see cref="LazyValueHolderAttribute"/>): their caller,
    /// the property getter, is the use site. Costs a stack walk, so it runs only on the slow path of
    /// a first access, never on the hot path.
    /// </summary>
    public static string? FirstUserFrame()
    {
        if (!LazyLoading.CaptureFirstUseSites)
        {
            return null;
        }

        var trace = new StackTrace(1, fNeedFileInfo: true);
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
            var file = frame.GetFileName();
            return file is null ? name : $"{name} in {file}:{frame.GetFileLineNumber()}";
        }

        return null;
    }

    /// <summary>A static constructor of a class marked <see cref="LazyValueHolderAttribute"/>.</summary>
    private static bool IsHolderInitializer(MethodBase method)
        => method is ConstructorInfo { IsStatic: true, DeclaringType: { } type }
           && type.IsDefined(typeof(LazyValueHolderAttribute), inherit: false);
}
