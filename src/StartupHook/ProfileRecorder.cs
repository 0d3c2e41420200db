using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Threading;
using LazyMigrate.Catalog;

namespace LazyMigrate.StartupHook;

/// <summary>
/// Collects assembly loads and native library appearances, decides when the app is ready, and writes the
/// profile: once at ready (the file is complete from then on) and again at exit with what loaded after ready.
/// </summary>
internal sealed class ProfileRecorder
{
    /// <summary>AppContext key the runtime's <c>LazyLoading.MarkReady()</c> looks up and invokes.</summary>
    public const string ReadyCallbackKey = "LazyMigrate.ReadyCallback";

    /// <summary>How many user-code frames a load keeps (innermost first).</summary>
    public const int MaxUserFrames = 8;

    private const int MaxStackFrames = 12;

    // /proc/self/maps is read at assembly loads at most this often: a load storm (EF Core loads dozens of
    // assemblies in a few ms) must not pay for a read each; the read at ready catches anything in between.
    private const double MapsSampleIntervalMs = 5;

    // How often the ready file is looked for. The file carries the moment the launcher saw the app ready, so
    // the interval only delays the sample of memory and native libraries, not the ready time itself.
    private const int ReadyFilePollMs = 5;

    [ThreadStatic]
    private static bool t_inHandler;

    private readonly object _gate = new();
    private readonly string _outputPath;
    private readonly long _initTimestamp;
    private readonly double _initAtMs;
    private readonly string _sharedFrameworkRoot;
    private readonly Assembly _hookAssembly;
    private readonly Dictionary<Assembly, bool> _frameworkByAssembly = new();
    private readonly Dictionary<Assembly, bool> _userByAssembly = new();
    private readonly HashSet<string> _seenNative = new(StringComparer.Ordinal);
    private readonly ReadyMode _mode;
    private readonly string? _readyFile;
    private double _lastMapsSampleAtMs = double.NegativeInfinity;
    private Timer? _readyFileTimer;

    private ProfileRecorder(string outputPath, string marker, double initAtMs, string startTimeSource, ReadyMode mode, string? readyFile)
    {
        _mode = mode;
        _readyFile = readyFile;
        _outputPath = Path.GetFullPath(outputPath);
        _initTimestamp = Stopwatch.GetTimestamp();
        _initAtMs = initAtMs;
        Data.Marker = marker;
        Data.StartTimeSource = startTimeSource;
        Data.HookStartedAtMs = initAtMs;
        _hookAssembly = typeof(ProfileRecorder).Assembly;

        // <dotnet>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll → <dotnet>/shared/
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? "";
        _sharedFrameworkRoot = Path.GetDirectoryName(Path.GetDirectoryName(runtimeDir) ?? "") ?? runtimeDir;
    }

    /// <summary>Everything recorded so far; read by <see cref="ProfileJsonWriter"/> under the recorder's lock.</summary>
    public ProfileData Data { get; } = new();

    public static void Start(string outputPath, string marker, string? launchUnixMs, ReadyMode mode, string? readyFile)
    {
        double initAtMs;
        string source;
        if (launchUnixMs is not null
            && double.TryParse(launchUnixMs, NumberStyles.Float, CultureInfo.InvariantCulture, out var launch))
        {
            var nowUnixMs = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
            initAtMs = Math.Max(0, nowUnixMs - launch);
            source = "launcher";
        }
        else
        {
            initAtMs = ProcFs.MillisecondsSinceProcessStart() ?? 0;
            source = "procfs";
        }

        // The event handlers keep the recorder alive for the life of the process.
        new ProfileRecorder(outputPath, marker, initAtMs, source, mode, readyFile).Begin();
    }

    private double Now() => _initAtMs + Stopwatch.GetElapsedTime(_initTimestamp).TotalMilliseconds;

    private void Begin()
    {
        // Run every code path the handlers use once, so their own type loads happen here and not inside an event.
        ProcFs.ReadMemory();
        _ = new StackTrace(false).FrameCount;
        if (_mode == ReadyMode.Started)
        {
            // Before the list of loaded assemblies is taken, so what the listener loads counts as the hook's own.
            ListenForHostStarted();
        }

        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            Data.Assemblies.Add(new AssemblyLoadEvent(assembly, _initAtMs, 0, null, beforeHook: true));
        }

        SampleNativeLibraries(_initAtMs);

        AppDomain.CurrentDomain.AssemblyLoad += OnAssemblyLoad;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        switch (_mode)
        {
            case ReadyMode.Marker:
                AppContext.SetData(ReadyCallbackKey, (Action)OnReadySignal);
                Console.SetOut(new ReadyMarkerWriter(Console.Out, Data.Marker, OnReadyMarker));
                break;
            case ReadyMode.External:
                _readyFileTimer = new Timer(_ => PollReadyFile(), null, ReadyFilePollMs, ReadyFilePollMs);
                break;
        }
    }

    // A method of its own: compiling Begin must not load System.Diagnostics.DiagnosticSource (the listener's
    // interfaces name it) into apps that never use the started mode.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void ListenForHostStarted() => HostStartedListener.Start(() => MarkReady("started"));

    private void PollReadyFile()
    {
        try
        {
            if (!File.Exists(_readyFile))
            {
                return;
            }

            _readyFileTimer?.Dispose();
            var text = File.ReadAllText(_readyFile!).Trim();
            var now = Now();
            var at = now;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var readyUnixMs))
            {
                // The launcher's clock and ours are the same wall clock: step back from now to its moment.
                var nowUnixMs = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
                at = Math.Max(_initAtMs, now - Math.Max(0, nowUnixMs - readyUnixMs));
            }

            lock (_gate)
            {
                if (!Data.Ready)
                {
                    MoveLaterLoadsAfterReady(at);
                    MarkReadyLocked(at, "external");
                }
            }
        }
        catch (Exception)
        {
            // A half-written or vanished file: the next tick (or the exit) decides.
        }
    }

    // Loads recorded between the launcher's ready moment and the tick that noticed it happened after ready.
    private void MoveLaterLoadsAfterReady(double readyAt)
    {
        var at = Data.Assemblies.FindIndex(a => a.AtMs > readyAt);
        if (at >= 0)
        {
            Data.AfterReadyAssemblies.InsertRange(0, Data.Assemblies.GetRange(at, Data.Assemblies.Count - at));
            Data.Assemblies.RemoveRange(at, Data.Assemblies.Count - at);
        }

        var native = Data.NativeLibraries.FindIndex(n => n.FirstSeenAtMs > readyAt);
        if (native >= 0)
        {
            Data.AfterReadyNativeLibraries.InsertRange(0, Data.NativeLibraries.GetRange(native, Data.NativeLibraries.Count - native));
            Data.NativeLibraries.RemoveRange(native, Data.NativeLibraries.Count - native);
        }
    }

    private void OnAssemblyLoad(object? sender, AssemblyLoadEventArgs args)
    {
        var at = Now();
        if (t_inHandler)
        {
            return;
        }

        t_inHandler = true;
        try
        {
            // Only capture here; the stack is resolved to method names when the profile is written.
            var item = new AssemblyLoadEvent(args.LoadedAssembly, at, Environment.CurrentManagedThreadId, new StackTrace(1, false), beforeHook: false);
            lock (_gate)
            {
                (Data.Ready ? Data.AfterReadyAssemblies : Data.Assemblies).Add(item);
                if (at - _lastMapsSampleAtMs >= MapsSampleIntervalMs)
                {
                    SampleNativeLibraries(at);
                }
            }
        }
        catch (Exception)
        {
            // Never let profiling change the app's behaviour.
        }
        finally
        {
            t_inHandler = false;
        }
    }

    private void OnReadyMarker() => MarkReady("marker");

    private void OnReadySignal() => MarkReady("signal");

    private void OnProcessExit(object? sender, EventArgs args)
    {
        var at = Now();
        lock (_gate)
        {
            if (!Data.Ready)
            {
                MarkReadyLocked(at, "exit");
            }

            SampleNativeLibraries(at);
            var memory = ProcFs.ReadMemory();
            Data.ExitAtMs = at;
            Data.ExitPeakRssBytes = memory.PeakRss;
            Write();
        }
    }

    private void MarkReady(string reason)
    {
        var at = Now();
        lock (_gate)
        {
            if (!Data.Ready)
            {
                MarkReadyLocked(at, reason);
            }
        }
    }

    private void MarkReadyLocked(double at, string reason)
    {
        _readyFileTimer?.Dispose();
        Data.ReadyAtMs = at;
        Data.ReadyReason = reason;
        // Sampled while still not ready: a library mapped since the last assembly load (a P/Invoke into a
        // package's native library, the usual case) was loaded before ready, not after.
        SampleNativeLibraries(at);
        Data.Ready = true;
        var memory = ProcFs.ReadMemory();
        Data.RssBytes = memory.Rss;
        Data.PeakRssBytes = memory.PeakRss;
        Write();
    }

    // Called under the lock (or before any handler is attached).
    private void SampleNativeLibraries(double at)
    {
        _lastMapsSampleAtMs = at;
        foreach (var path in ProcFs.CollectNewNativeLibraries(_seenNative))
        {
            var name = Path.GetFileName(path);
            var item = new NativeLibraryEvent
            {
                Path = path,
                Name = name,
                FirstSeenAtMs = at,
                HeavyPackage = HeavyPackageCatalog.FindByNativeLibrary(name)?.Name,
            };
            (Data.Ready ? Data.AfterReadyNativeLibraries : Data.NativeLibraries).Add(item);
        }
    }

    private void Write()
    {
        // Loads caused by describing the events (reflection over stacks) are the hook's own: not recorded.
        var handlerFlag = t_inHandler;
        t_inHandler = true;
        try
        {
            DescribeAll(Data.Assemblies);
            DescribeAll(Data.AfterReadyAssemblies);
            // Write then rename, so a reader never sees half a file.
            var temp = _outputPath + ".tmp" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            File.WriteAllText(temp, ProfileJsonWriter.ToJson(Data));
            File.Move(temp, _outputPath, overwrite: true);
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine("LazyMigrate.StartupHook: cannot write " + _outputPath + ": " + ex.Message);
        }
        finally
        {
            t_inHandler = handlerFlag;
        }
    }

    private void DescribeAll(List<AssemblyLoadEvent> events)
    {
        foreach (var item in events)
        {
            if (!item.Described)
            {
                Describe(item);
                FillTrigger(item);
                item.Described = true;
            }
        }
    }

    private void Describe(AssemblyLoadEvent item)
    {
        var assembly = item.Assembly;
        var name = assembly.GetName();
        string location;
        try
        {
            location = assembly.IsDynamic ? "" : assembly.Location;
        }
        catch (NotSupportedException)
        {
            location = "";
        }

        var simpleName = name.Name ?? "";
        item.Name = simpleName;
        item.Version = name.Version?.ToString() ?? "";
        item.Location = location;
        item.Framework = IsFramework(assembly);
        item.HeavyPackage = HeavyPackageCatalog.FindByAssembly(simpleName)?.Name;
    }

    private void FillTrigger(AssemblyLoadEvent item)
    {
        if (item.RawStack is null)
        {
            return;
        }

        foreach (var frame in item.RawStack.GetFrames())
        {
            var method = frame.GetMethod();
            var type = method?.DeclaringType;
            if (method is null || type is null)
            {
                continue;
            }

            var assembly = type.Assembly;
            if (assembly == _hookAssembly)
            {
                continue;
            }

            var text = (type.FullName ?? type.Name) + "." + method.Name;
            if (item.Stack.Count < MaxStackFrames)
            {
                item.Stack.Add(text);
            }

            if (item.Trigger is null && !IsFramework(assembly))
            {
                item.Trigger = text;
                item.TriggerAssembly = assembly.GetName().Name;
            }

            if (item.UserFrames.Count < MaxUserFrames && IsUser(assembly))
            {
                item.UserFrames.Add(new UserFrame(text, ModulePath(method), method.MetadataToken, frame.GetILOffset()));
            }

            if (item.Trigger is not null && item.Stack.Count >= MaxStackFrames && item.UserFrames.Count >= MaxUserFrames)
            {
                break;
            }
        }
    }

    private static string ModulePath(MethodBase method)
    {
        try
        {
            return method.Module.Assembly.IsDynamic ? "" : method.Module.FullyQualifiedName;
        }
        catch (NotSupportedException)
        {
            return "";
        }
    }

    /// <summary>
    /// The application's own code: not the shared framework, not a heavy package, not a Microsoft/System
    /// library package, not LazyMigrate's own assemblies, and loaded from a file (its PDB can be found).
    /// </summary>
    private bool IsUser(Assembly assembly)
    {
        lock (_userByAssembly)
        {
            if (_userByAssembly.TryGetValue(assembly, out var known))
            {
                return known;
            }

            var name = assembly.GetName().Name ?? "";
            bool user;
            try
            {
                user = !assembly.IsDynamic
                    && assembly.Location.Length > 0
                    && !IsFramework(assembly)
                    && HeavyPackageCatalog.FindByAssembly(name) is null
                    && !name.StartsWith("System.", StringComparison.Ordinal)
                    && !name.StartsWith("Microsoft.", StringComparison.Ordinal)
                    && !name.StartsWith("LazyMigrate.", StringComparison.Ordinal);
            }
            catch (NotSupportedException)
            {
                user = false;
            }

            _userByAssembly[assembly] = user;
            return user;
        }
    }

    private bool IsFramework(Assembly assembly)
    {
        lock (_frameworkByAssembly)
        {
            if (_frameworkByAssembly.TryGetValue(assembly, out var known))
            {
                return known;
            }

            bool framework;
            try
            {
                var location = assembly.IsDynamic ? "" : assembly.Location;
                framework = location.Length > 0
                    ? location.StartsWith(_sharedFrameworkRoot, StringComparison.Ordinal)
                    : (assembly.GetName().Name ?? "").StartsWith("System.", StringComparison.Ordinal);
            }
            catch (NotSupportedException)
            {
                framework = false;
            }

            _frameworkByAssembly[assembly] = framework;
            return framework;
        }
    }
}
