using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Internal;

namespace LazyMigrate;

/// <summary>
/// A value built by a factory on first access, bound to a heavy package so status and telemetry
/// see it. This is what the LazyMigrate code fixes put in static fields.
/// </summary>
/// <remarks>
/// <para>Why untyped: a static field of type <see cref="LazyValue"/> names no heavy type, so the
/// declaring type's static constructor loads no heavy assembly (a <c>Lazy&lt;Heavy&gt;</c> field
/// does). The typed access <see cref="Get{T}"/> sits in a property getter, which is JIT-compiled
/// on first use only; keep the factory in a <c>[MethodImpl(MethodImplOptions.NoInlining)]</c> method.</para>
/// <code>
/// private static readonly LazyValue s_session = new("Microsoft.ML.OnnxRuntime", CreateSession);
/// static InferenceSession Session => s_session.Get&lt;InferenceSession&gt;();
/// [MethodImpl(MethodImplOptions.NoInlining)]
/// private static object CreateSession() => new InferenceSession("model.onnx");
/// </code>
/// <para>Hot path after the first build: one field read and a type check; no lock, no allocation.
/// The first access ensures the package is loaded (so a missing assembly or native library is
/// reported as the package's failure), then runs the factory exactly once, even under contention.</para>
/// <para>A factory that returns null is allowed: the value is then null (<see cref="Get{T}"/> returns
/// <c>default</c>) and the factory is not run again; such values skip the one-read fast path.</para>
/// <para>Package names: the name is resolved at first access, not at declaration (a static
/// initializer must never throw, and the app may register the package later). A registered name
/// wins; else a catalog package owning an assembly of that name (<c>Microsoft.EntityFrameworkCore.Sqlite</c>
/// → <c>Microsoft.EntityFrameworkCore</c>); else, when the app contains an assembly of that name,
/// a package of that assembly (what the code fixes generate for a type marked <c>[Heavy]</c>); any
/// other name fails the access with <see cref="UnknownLazyPackageException"/>, which suggests the
/// closest known names.</para>
/// <para>Failures throw <see cref="LazyLoadException"/> (<see cref="LazyLoadException.IsFactoryFailure"/>
/// when the factory threw rather than the package failing); the retry policy is the one of
/// <see cref="LazyPackage"/>: the failure is reported until <see cref="RetryDelay"/> passed or
/// <see cref="Reset"/> is called, then the next access retries.</para>
/// <para>Background loading (<see cref="LazyPackageRegistry.StartBackgroundLoading"/>) builds the
/// values bound to a package right after loading it (<see cref="BackgroundLoadingOptions.BuildValues"/>);
/// a first access during that build waits for it. Values are tracked weakly for this
/// and for the status (one small allocation at declaration, nothing resolved or loaded); unbound
/// values are tracked for the status only and never built in the background.</para>
/// <para>With <c>LAZYMIGRATE_EAGER=1</c> (<see cref="LazyLoading.EagerMode"/>) the value is built in
/// the constructor, so a missing package fails fast in tests and CI.</para>
/// </remarks>
[DebuggerDisplay("IsValueCreated = {IsValueCreated}, Package = {PackageName}")]
public sealed class LazyValue : ITrackedValue
{
    // The built value and its exact runtime type. _valueType is published last (release) and read
    // first (acquire): when it equals typeof(T), _value is already visible and is exactly a T, so
    // the hot path needs no cast check on the value itself. The type check reads a field of this
    // object (like Lazy<T>'s state check) instead of the value's method table, keeping the
    // dependency chain of the hot path as short as Lazy<T>'s.
    private object? _value;
    private Type? _valueType;
    private volatile bool _createdNull;
    private readonly Func<object> _factory;
    private readonly OnceRunner<object?> _runner = new();
    private readonly string _declaringFile;
    private readonly int _declaringLine;
    private readonly string _declaringMember;
    private readonly string? _packageName;
    private readonly ValueRecord _record = new();
    private LazyPackage? _package;
    private UseSite? _firstUseSite;

    /// <summary>Declares a value bound to a registered (or catalog) package, looked up by name at first access.</summary>
    /// <param name="packageName">Package name, e.g. <c>"Microsoft.ML.OnnxRuntime"</c>.</param>
    /// <param name="factory">Builds the value; keep it in a <c>[NoInlining]</c> method so no heavy type is JIT-compiled early.</param>
    /// <param name="declaringFile">Filled in by the compiler.</param>
    /// <param name="declaringLine">Filled in by the compiler.</param>
    /// <param name="declaringMember">Filled in by the compiler.</param>
    public LazyValue(string packageName, Func<object> factory,
        [CallerFilePath] string declaringFile = "", [CallerLineNumber] int declaringLine = 0, [CallerMemberName] string declaringMember = "")
        : this(packageName, null, factory, declaringFile, declaringLine, declaringMember)
    {
    }

    /// <summary>Declares a value bound to a package object.</summary>
    /// <param name="package">The package loaded before the factory runs.</param>
    /// <param name="factory">Builds the value.</param>
    /// <param name="declaringFile">Filled in by the compiler.</param>
    /// <param name="declaringLine">Filled in by the compiler.</param>
    /// <param name="declaringMember">Filled in by the compiler.</param>
    public LazyValue(LazyPackage package, Func<object> factory,
        [CallerFilePath] string declaringFile = "", [CallerLineNumber] int declaringLine = 0, [CallerMemberName] string declaringMember = "")
        : this(package?.Name, package ?? throw new ArgumentNullException(nameof(package)), factory, declaringFile, declaringLine, declaringMember)
    {
    }

    /// <summary>Declares a value not bound to any package.</summary>
    /// <param name="factory">Builds the value.</param>
    /// <param name="declaringFile">Filled in by the compiler.</param>
    /// <param name="declaringLine">Filled in by the compiler.</param>
    /// <param name="declaringMember">Filled in by the compiler.</param>
    public LazyValue(Func<object> factory,
        [CallerFilePath] string declaringFile = "", [CallerLineNumber] int declaringLine = 0, [CallerMemberName] string declaringMember = "")
        : this(null, null, factory, declaringFile, declaringLine, declaringMember)
    {
    }

    private LazyValue(string? packageName, LazyPackage? package, Func<object> factory, string declaringFile, int declaringLine, string declaringMember)
    {
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        _packageName = packageName;
        _package = package;
        _declaringFile = declaringFile;
        _declaringLine = declaringLine;
        _declaringMember = declaringMember;
        RetryDelay = package?.RetryDelay ?? LazyLoading.DefaultRetryDelay;

        // Weakly, for the status and for background loading to build it after its package loads; resolves nothing now.
        TrackedValues.Track(this);
        if (LazyLoading.EagerMode)
        {
            Build(UseSite.Eager);
        }
    }

    /// <summary>The value, built on first access; null only when the factory returned null.</summary>
    /// <exception cref="LazyLoadException">The package or the factory failed.</exception>
    public object? Value => Volatile.Read(ref _valueType) is not null ? _value : Build(null);

    /// <summary>True once the factory completed (with a value or null).</summary>
    public bool IsValueCreated => Volatile.Read(ref _valueType) is not null || _createdNull;

    /// <summary>The package name this value is bound to, or null.</summary>
    public string? PackageName => _packageName;

    /// <summary>The package this value is bound to, once resolved (at construction for a package object, else at first access).</summary>
    public LazyPackage? Package => Volatile.Read(ref _package);

    /// <summary>Where the value was declared: <c>file:line (member)</c>.</summary>
    public string? DeclarationSite => CallSites.Declaration(_declaringFile, _declaringLine, _declaringMember);

    /// <summary>
    /// Where the value was first accessed (the first user frame); <c>"background"</c> when background
    /// loading built it, <c>"eager"</c> in eager mode; null before.
    /// </summary>
    /// <remarks>The file and line are read from the symbols on the first read of this property (or of an error or the status), not at the access.</remarks>
    public string? FirstUseSite => Volatile.Read(ref _firstUseSite)?.ToString();

    /// <summary>How long a failure is reported before the next access retries (default from the package or <see cref="LazyLoading.DefaultRetryDelay"/>).</summary>
    public TimeSpan RetryDelay { get; set; }

    /// <summary>
    /// The value as <typeparamref name="T"/>. After the first build this is one field read and a
    /// type check: no lock, no allocation, no interface call. Fastest when <typeparamref name="T"/> is
    /// the value's exact runtime type (as in the code the fixes generate); a base type, an interface
    /// or a null value works too, at the cost of a call and a cast per access, still without allocation.
    /// </summary>
    /// <typeparam name="T">The value's type (or a base type / interface of it).</typeparam>
    /// <returns>The value; <c>default</c> when the factory returned null.</returns>
    /// <exception cref="LazyLoadException">The package or the factory failed.</exception>
    /// <exception cref="InvalidCastException">The value is not a <typeparamref name="T"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Get<T>()
    {
        // RuntimeType objects are unique per type, so a reference compare is an exact-type check;
        // typeof(T) is a JIT-time constant. Base types and interfaces as T go through the slow path.
        if (ReferenceEquals(Volatile.Read(ref _valueType), typeof(T)))
        {
            var value = _value!;
            return typeof(T).IsValueType ? (T)value : Unsafe.As<object, T>(ref value);
        }

        return GetSlow<T>();
    }

    /// <summary>
    /// The value as <typeparamref name="T"/> like <see cref="Get{T}"/>, but <c>default</c> instead of a
    /// <see cref="LazyLoadException"/> when the package or the factory fails. Made for the
    /// <c>static readonly</c> field of a holder class (<see cref="LazyValueHolderAttribute"/>), which must
    /// not throw from its static constructor (a <see cref="TypeInitializationException"/> would be
    /// cached by the runtime for the life of the process). The failure is not lost: it is recorded
    /// like any other (status, <see cref="FirstUseSite"/>), and the next <see cref="Get{T}"/> throws it
    /// until <see cref="RetryDelay"/> passed, then retries.
    /// </summary>
    /// <typeparam name="T">The value's type (or a base type / interface of it).</typeparam>
    /// <returns>The value; <c>default</c> when the factory returned null or the build failed.</returns>
    /// <exception cref="InvalidCastException">The value is not a <typeparamref name="T"/>.</exception>
    public T? GetOrDefault<T>()
    {
        try
        {
            return Get<T>();
        }
        catch (LazyLoadException)
        {
            return default;
        }
    }

    /// <summary>
    /// A lazy value derived from this one (a part of a module, a member of a built object): built on
    /// first access from this value, bound to the same package, so it shares that package's single load.
    /// </summary>
    /// <param name="selector">Derives the sub-export from this value (receives <c>null</c> when this value is null).</param>
    /// <param name="declaringFile">Filled in by the compiler.</param>
    /// <param name="declaringLine">Filled in by the compiler.</param>
    /// <param name="declaringMember">Filled in by the compiler.</param>
    /// <returns>The derived lazy value.</returns>
    public LazyValue Select(Func<object?, object> selector,
        [CallerFilePath] string declaringFile = "", [CallerLineNumber] int declaringLine = 0, [CallerMemberName] string declaringMember = "")
    {
        ArgumentNullException.ThrowIfNull(selector);
        return new LazyValue(_packageName, _package, () => selector(Value), declaringFile, declaringLine, declaringMember);
    }

    /// <summary>
    /// A guard whose <see cref="LazyValueDisposalGuard.Dispose"/> disposes this value if it was built by
    /// then, and builds nothing otherwise: <c>using var sessionGuard = s_session.DisposalGuard();</c>
    /// keeps the disposal of a <c>using</c> declaration whose object is now created on first use.
    /// </summary>
    /// <returns>The guard (a struct: no allocation).</returns>
    public LazyValueDisposalGuard DisposalGuard() => new(this);

    /// <summary>Forgets a failed build so the next access retries at once; false when the last build did not fail.</summary>
    /// <returns>True when a failure was cleared.</returns>
    public bool Reset()
    {
        var package = Package;
        var cleared = _runner.Reset();
        if (package is not null && package.State == LazyPackageState.Failed)
        {
            cleared |= package.Reset();
        }

        if (cleared)
        {
            _record.Cleared();
        }

        return cleared;
    }

    /// <inheritdoc />
    string? ITrackedValue.BoundPackageName => _packageName;

    /// <inheritdoc />
    LazyPackage? ITrackedValue.BoundPackage => Package;

    /// <inheritdoc />
    ValueStatus ITrackedValue.Snapshot(string? packageName)
        => _record.Snapshot(DeclarationSite, packageName ?? _packageName, Volatile.Read(ref _firstUseSite), RetryDelay);

    /// <inheritdoc />
    ValueTask ITrackedValue.BuildInBackgroundAsync()
    {
        try
        {
            Build(UseSite.Background);
        }
        catch (Exception)
        {
            // Recorded by the runner like a first-access failure: the next access reports it per the retry policy.
        }

        return default;
    }

    /// <inheritdoc />
    public override string ToString() => IsValueCreated ? $"LazyValue({Value})" : $"LazyValue(not created, {PackageName ?? "no package"})";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private T GetSlow<T>()
    {
        // Built already, as a base type, an interface or null: answered from the fields. Nothing on
        // this path allocates (the build's closure lives in BuildSlow, reached only when unbuilt).
        object? value;
        if (Volatile.Read(ref _valueType) is not null)
        {
            value = _value;
        }
        else if (_createdNull)
        {
            return default!;
        }
        else
        {
            value = BuildSlow(null);
        }

        if (value is null)
        {
            return default!;
        }

        if (value is T typed)
        {
            return typed;
        }

        throw new InvalidCastException($"The lazy value declared at {DeclarationSite} holds a {value.GetType().FullName}, not a {typeof(T).FullName}.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private object? Build(UseSite? trigger)
    {
        if (_createdNull)
        {
            return null;
        }

        if (Volatile.Read(ref _valueType) is not null)
        {
            return _value;
        }

        return BuildSlow(trigger);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private object? BuildSlow(UseSite? trigger)
    {
        // The stack walk runs inside the attempt, on the thread that builds (still the caller's
        // thread, so the user's frames are on the stack): waiters and the hot path never pay for it.
        return _runner.Run(() => Create(trigger ?? CallSites.FirstUserFrame()), RetryDelay);
    }

    private object? Create(UseSite? site)
    {
        Interlocked.CompareExchange(ref _firstUseSite, site, null);
        var started = _record.Started();
        var declaration = DeclarationSite;
        var triggerKind = site?.Kind ?? UseSite.FirstAccessKind;
        using var activity = LazyMigrateDiagnostics.IsActive ? LazyMigrateDiagnostics.StartValueActivity(DiagnosticsTag, _packageName, triggerKind) : null;
        var package = Package;
        try
        {
            if (package is null && _packageName is not null)
            {
                package = LazyPackageRegistry.Default.Resolve(_packageName, declaration, FirstUseSite);
                Volatile.Write(ref _package, package);
            }
        }
        catch (UnknownLazyPackageException ex)
        {
            throw Fail(started, ex, packageFailed: false, activity, triggerKind);
        }

        if (package is not null)
        {
            try
            {
                package.EnsureLoaded(site, declaration);
            }
            catch (LazyLoadException ex)
            {
                // Re-issued with this value's own declaration and first-use sites.
                var error = new LazyLoadException(package.Name, ex.FailedComponent, declaration, FirstUseSite, ex.InnerException ?? ex);
                throw Fail(started, error, packageFailed: true, activity, triggerKind);
            }
        }

        object? result;
        try
        {
            result = _factory();
        }
        catch (Exception ex)
        {
            var error = LazyLoadException.ForFactory(package?.Name ?? _packageName, DescribeFailure(ex), declaration, FirstUseSite, ex);
            throw Fail(started, error, packageFailed: false, activity, triggerKind);
        }

        // Recorded before publishing, so a reader that sees the value sees it built.
        _record.Built(started);
        if (result is null)
        {
            _createdNull = true;
        }
        else
        {
            _value = result;
            Volatile.Write(ref _valueType, result.GetType());
        }

        if (LazyMigrateDiagnostics.IsActive)
        {
            LazyMigrateDiagnostics.RecordValueBuilt(DiagnosticsTag, package?.Name, triggerKind);
        }

        return result;
    }

    /// <summary>The declaration without directories, for metric tags and activities.</summary>
    private string DiagnosticsTag => CallSites.ShortDeclaration(_declaringFile, _declaringLine, _declaringMember);

    private LazyLoadException Fail(long started, LazyLoadException error, bool packageFailed, IDisposable? activity, string triggerKind)
    {
        _record.Failed(started, error, packageFailed);

        // The start time is derived here, not read on every build: the success path stays free of clock and diagnostics work.
        var startedAt = DateTimeOffset.UtcNow - Stopwatch.GetElapsedTime(started);
        LazyMigrateDiagnostics.RecordValueFailure(activity, DiagnosticsTag, Package?.Name ?? _packageName, triggerKind, startedAt, error.Message);
        return error;
    }

    /// <summary>Names the assembly or native library behind a factory failure when the exception tells it.</summary>
    internal static string DescribeFailure(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case FileNotFoundException { FileName: { } file }:
                    return $"assembly '{SimpleName(file)}'";
                case FileLoadException { FileName: { } file }:
                    return $"assembly '{SimpleName(file)}'";
                case BadImageFormatException { FileName: { } file }:
                    return $"assembly '{SimpleName(file)}'";
                case DllNotFoundException dll:
                    return $"native library '{QuotedName(dll.Message) ?? "?"}'";
                case EntryPointNotFoundException entry:
                    return $"native entry point '{QuotedName(entry.Message) ?? "?"}'";
                case TypeInitializationException or TargetInvocationException:
                    continue;
            }
        }

        return "factory";
    }

    /// <summary>The first '…'-quoted token of a runtime message: the library name in "Unable to load shared library 'libvips.so.42' …".</summary>
    private static string? QuotedName(string message)
    {
        var start = message.IndexOf('\'');
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start + 1 ? message.Substring(start + 1, end - start - 1) : null;
    }

    private static string SimpleName(string fileName)
    {
        var comma = fileName.IndexOf(',');
        return comma < 0 ? Path.GetFileNameWithoutExtension(fileName) : fileName.Substring(0, comma);
    }
}
