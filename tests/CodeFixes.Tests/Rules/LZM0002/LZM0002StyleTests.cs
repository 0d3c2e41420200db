using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.CodeFixes.Tests.Rules;

/// <summary>LZM0002's output reads like the file's own code: no name that shadows a type, no doubled blank lines.</summary>
public class LZM0002StyleTests
{
    [Fact]
    public Task A_moved_local_named_like_its_type_becomes_the_lazy_variant_and_leaves_one_blank_line() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
        """
        using System;
        using Microsoft.ML.OnnxRuntime;

        Console.WriteLine("start");

        var sessionOptions = {|LZM0002:new SessionOptions()|};

        Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
        Console.WriteLine({|LZM0005:sessionOptions.LogVerbosityLevel|});
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using Microsoft.ML.OnnxRuntime;

        Console.WriteLine("start");

        Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
        Console.WriteLine({|LZM0005:LazySessionOptions|}.LogVerbosityLevel);

        partial class Program
        {
            private static SessionOptions LazySessionOptions => (SessionOptions)s_sessionOptions.Value;

            private static readonly Lazy<object> s_sessionOptions = new Lazy<object>(CreateSessionOptions);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSessionOptions() => new SessionOptions();
        }
        """,
        runtime: false,
        OutputKind.ConsoleApplication);
}
