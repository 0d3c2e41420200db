using System;
using System.Collections.Generic;
using System.Linq;

namespace LazyMigrate.LoadingDifferential;

/// <summary>
/// One generated program: a shape (where × how) filled in with one heavy package.
/// <see cref="OwnerRule"/> is the rule whose job it is to report the program if it loads a heavy package before
/// ready (its recall is measured on these rows). <see cref="ExpectLoad"/> is what the program was built to show
/// and <see cref="Notes"/> says why; the runtime decides, and a row whose expectation was wrong is listed in the
/// report. <see cref="UsedBeforeReady"/> marks programs that really use the heavy object before ready: for them a
/// load before ready after migration is correct.
/// </summary>
internal sealed record ProgramRow(
    string Id,
    ShapeInfo Shape,
    HeavyPackage Package,
    string OwnerRule,
    bool ExpectLoad,
    bool UsedBeforeReady,
    bool InCiSubset,
    string Notes);

internal static class ProgramTable
{
    private static readonly HeavyPackage Ef = HeavyPackage.EfCore;
    private static readonly HeavyPackage Onnx = HeavyPackage.Onnx;
    private static readonly HeavyPackage Magick = HeavyPackage.Magick;
    private static readonly HeavyPackage Sharp = HeavyPackage.ImageSharp;
    private static readonly HeavyPackage Ml = HeavyPackage.MlNet;
    private static readonly HeavyPackage Azure = HeavyPackage.Azure;

    /// <summary>The programs of the CI subset (tests/LoadingDifferential.Tests): every where, the five rules with fixes, light packages.</summary>
    private static readonly HashSet<string> CiSubset = new(StringComparer.Ordinal)
    {
        "mb-written-onnx", "mb-var-ef", "mb-generic-azure", "mb-method-imagesharp", "mb-derived-azure", "mb-used-magick",
        "ma-written-azure", "ma-method-ef",
        "si-field-magick", "si-untouched-ef", "sc-written-azure",
        "hc-written-onnx", "hs-written-azure",
        "di-instance-magick", "di-factory-onnx",
        "ep-lambda-onnx",
    };

    public static IReadOnlyList<ProgramRow> All { get; } = Build().ToList();

    private static IEnumerable<ProgramRow> Build()
    {
        const string L1 = "LZM0001", L2 = "LZM0002", L3 = "LZM0003", L4 = "LZM0004", L5 = "LZM0005", L8 = "LZM0008";

        foreach (var p in new[] { Ef, Onnx, Magick, Sharp, Ml, Azure })
        {
            yield return Row("mb-written", p, L2, true, "built before ready in Main");
        }

        foreach (var p in new[] { Ef, Onnx, Ml })
        {
            yield return Row("mb-var", p, L2, true, "built before ready in Main");
        }

        foreach (var p in new[] { Onnx, Azure })
        {
            yield return Row("mb-generic", p, L5, true, "nothing built before ready; Main's JIT needs List<T>, so T's assembly loads");
        }

        foreach (var p in new[] { Magick, Ml })
        {
            yield return Row("mb-lambda", p, L5, true, "the lambda is not called before ready; Main's JIT needs Func<T>");
        }

        foreach (var p in new[] { Ef, Azure })
        {
            yield return Row("mb-async", p, L8, true, "awaited before ready: the project method builds it");
        }

        foreach (var p in new[] { Onnx, Sharp, Azure })
        {
            yield return Row("mb-method", p, L8, true, "Main names no heavy type; the called method builds it");
        }

        yield return Row("mb-return", Ml, L8, true, "the called method builds it; Main names it only through the return type");

        foreach (var p in new[] { Magick, Onnx })
        {
            yield return Row("mb-property", p, L8, true, "the user class's constructor runs the property initializer");
        }

        foreach (var p in new[] { Ef, Azure })
        {
            yield return Row("mb-derived", p, L2, true, "a user type deriving from a heavy type, built before ready");
        }

        foreach (var p in new[] { Magick, Sharp })
        {
            yield return Row("mb-used", p, L2, true, "really used before ready: must still load after migration", usedBeforeReady: true);
        }

        foreach (var p in new[] { Ef, Onnx, Magick, Sharp, Ml, Azure })
        {
            yield return Row("ma-written", p, L5, true, "built after ready, but Main's JIT resolves the type before its first line (managed assembly only)");
        }

        foreach (var p in new[] { Onnx, Azure })
        {
            yield return Row("ma-var", p, L5, true, "as ma-written: `var` still compiles to a constructor call on T");
        }

        foreach (var p in new[] { Ef, Magick })
        {
            yield return Row("ma-return", p, L5, true, "Main calls a method returning T after ready; the JIT may resolve T for the call");
        }

        foreach (var p in new[] { Ef, Ml })
        {
            yield return Row("ma-method", p, L8, false, "the method is compiled and run after ready only");
        }

        yield return Row("ma-lambda", Sharp, L5, false, "Main names Func<object> only; the lambda body is its own method");

        foreach (var p in new[] { Ef, Onnx, Magick, Ml })
        {
            yield return Row("si-field", p, L1, true, "a cheap static of the class is read before ready: every initializer runs");
        }

        foreach (var p in new[] { Sharp, Azure })
        {
            yield return Row("si-property", p, L1, true, "as si-field, with auto-properties");
        }

        yield return Row("si-lambda", Onnx, L1, true, "the initializer builds a Func<T> only (no T); the type initializer's JIT needs Func<T>");

        foreach (var p in new[] { Ef, Magick })
        {
            yield return Row("si-untouched", p, L1, false, "no static of the class is touched before ready");
        }

        foreach (var p in new[] { Ef, Onnx, Azure })
        {
            yield return Row("sc-written", p, L1, true, "a cheap static is read before ready: the static constructor runs");
        }

        yield return Row("sc-method", Magick, L1, true, "the static constructor calls a project method that builds it");

        foreach (var p in new[] { Ef, Onnx, Ml })
        {
            yield return Row("hc-written", p, L2, true, "the host builds hosted services in StartAsync, before ready");
        }

        yield return Row("hc-dependency", Sharp, L8, true, "the hosted service's constructor parameter is built first");

        foreach (var p in new[] { Onnx, Magick, Azure })
        {
            yield return Row("hs-written", p, L2, true, "host.StartAsync awaits every hosted service's StartAsync");
        }

        yield return Row("hs-async", Ml, L2, true, "the await in StartAsync does not return to the host before the rest ran");

        foreach (var p in new[] { Ef, Onnx, Magick, Azure })
        {
            yield return Row("di-instance", p, L3, true, "the instance is built at registration");
        }

        yield return Row("di-local", Sharp, L3, true, "the instance is built before registration");

        foreach (var p in new[] { Ml, Onnx })
        {
            yield return Row("di-factory", p, L5, true, "nothing built before ready, but Main's JIT needs AddSingleton<T> and Func<IServiceProvider, T>");
        }

        yield return Row("di-resolved", Ef, L4, true, "resolved before host.StartAsync: the factory runs");

        yield return Row("di-type", Magick, L8, false, "a type registration resolved only after ready");

        foreach (var p in new[] { Onnx, Ef })
        {
            yield return Row("ep-lambda", p, L5, false, "the handler is compiled at the first request, after ready");
        }

        yield return Row("ep-parameter", Azure, L5, true, "Main's JIT needs Func<T, string>; minimal APIs inspect handler parameters");

        yield return Row("ctl-action", Sharp, L5, false, "the action is compiled at the first request, after ready");

        yield return Row("ctl-field", Magick, L8, false, "controllers are built per request, after ready");
    }

    private static ProgramRow Row(string shape, HeavyPackage package, string ownerRule, bool expectLoad, string notes, bool usedBeforeReady = false)
    {
        var id = shape + "-" + package.Key;
        return new ProgramRow(id, Shapes.ByCode[shape], package, ownerRule, expectLoad, usedBeforeReady, CiSubset.Contains(id), notes);
    }
}
