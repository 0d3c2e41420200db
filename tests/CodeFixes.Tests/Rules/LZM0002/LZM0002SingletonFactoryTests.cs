using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.CodeFixes.Tests.Rules;

/// <summary>LZM0002 on a value that only feeds a singleton registration: the whole chain moves into a factory registration.</summary>
public class LZM0002SingletonFactoryTests
{
    private const string Before = """
        using System;
        using System.Linq;
        using ImageMagick;
        using Microsoft.Extensions.DependencyInjection;

        var services = new ServiceCollection();
        Console.WriteLine("start");

        // The image-plugin check: can this build decode JPEG XL?
        var formats = {|LZM0002:MagickNET.SupportedFormats|};
        var upload = new UploadFormats(
            Jxl: formats.Any({|LZM0005:f => f.Format == MagickFormat.Jxl && f.SupportsReading|})); // jxl only
        services.AddSingleton(upload);

        Console.WriteLine("ready");
        Microsoft.AspNetCore.Builder.WebApplication.Create().Run();

        internal sealed record UploadFormats(bool Jxl);
        """;

    private const string After = """
        using System;
        using System.Linq;
        using System.Runtime.CompilerServices;
        using ImageMagick;
        using Microsoft.Extensions.DependencyInjection;

        var services = new ServiceCollection();
        Console.WriteLine("start");

        services.AddSingleton(sp => CreateUpload());

        Console.WriteLine("ready");
        Microsoft.AspNetCore.Builder.WebApplication.Create().Run();

        internal sealed record UploadFormats(bool Jxl);

        partial class Program
        {
            [MethodImpl(MethodImplOptions.NoInlining)]
            private static UploadFormats CreateUpload()
            {
                // The image-plugin check: can this build decode JPEG XL?
                var formats = MagickNET.SupportedFormats;
                return new UploadFormats(
                    Jxl: formats.Any(f => f.Format == MagickFormat.Jxl && f.SupportsReading)); // jxl only
            }
        }
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task Local_chain_feeding_one_registration_moves_into_factory(bool runtime)
        => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(Before, After, runtime, OutputKind.ConsoleApplication);

    [Fact]
    public Task Fixed_code_second_run_changes_nothing()
        => Verify<LZM0002DeferStartupWorkFixer>.NoFixAsync(After, runtime: true, OutputKind.ConsoleApplication);
    [Fact]
    public Task Two_chains_in_one_file_fix_all_both_become_factories() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
        """
        using System;
        using ImageMagick;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.DependencyInjection.Extensions;

        var services = new ServiceCollection();
        var version = {|LZM0002:MagickNET.Version|}; // the version
        services.AddSingleton(version);
        var label = {|LZM0002:MagickNET.Version|};
        var info = new Info(label.Length);
        services.TryAddSingleton(info);
        Console.WriteLine("ready");
        Microsoft.AspNetCore.Builder.WebApplication.Create().Run();

        internal sealed record Info(int Length);
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using ImageMagick;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.DependencyInjection.Extensions;

        var services = new ServiceCollection();
        services.AddSingleton(sp => CreateVersion());
        services.TryAddSingleton(sp => CreateInfo());
        Console.WriteLine("ready");
        Microsoft.AspNetCore.Builder.WebApplication.Create().Run();

        internal sealed record Info(int Length);

        partial class Program
        {
            [MethodImpl(MethodImplOptions.NoInlining)]
            private static string CreateVersion()
            {
                return MagickNET.Version; // the version
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static Info CreateInfo()
            {
                var label = MagickNET.Version;
                return new Info(label.Length);
            }
        }
        """,
        runtime: false,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Value_also_used_elsewhere_keeps_the_proxy_rewrite() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
        """
        using System;
        using ImageMagick;
        using Microsoft.Extensions.DependencyInjection;

        var services = new ServiceCollection();
        var version = {|LZM0002:MagickNET.Version|};
        services.AddSingleton(version);
        Console.WriteLine(version);
        Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using ImageMagick;
        using Microsoft.Extensions.DependencyInjection;

        var services = new ServiceCollection();
        services.AddSingleton(Version);
        Console.WriteLine(Version);
        Microsoft.AspNetCore.Builder.WebApplication.Create().Run();

        partial class Program
        {
            private static string Version => (string)s_version.Value;

            private static readonly Lazy<object> s_version = new Lazy<object>(CreateVersion);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateVersion() => MagickNET.Version;
        }
        """,
        runtime: false,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Disposable_value_or_registration_in_lambda_not_moved_into_factory() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
        """
        using System;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.ML.OnnxRuntime;

        var services = new ServiceCollection();
        var session = {|LZM0002:new InferenceSession("m.onnx")|};
        services.AddSingleton({|LZM0003:session|});
        var options = {|LZM0002:new SessionOptions()|};
        Action register = () => services.AddSingleton({|LZM0003:options|});
        register();
        Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.ML.OnnxRuntime;

        var services = new ServiceCollection();
        services.AddSingleton(Session);
        Action register = () => services.AddSingleton(Options);
        register();
        Microsoft.AspNetCore.Builder.WebApplication.Create().Run();

        partial class Program
        {
            private static InferenceSession Session => (InferenceSession)s_session.Value;

            private static readonly Lazy<object> s_session = new Lazy<object>(CreateSession);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSession() => new InferenceSession("m.onnx");

            private static SessionOptions Options => (SessionOptions)s_options.Value;

            private static readonly Lazy<object> s_options = new Lazy<object>(CreateOptions);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateOptions() => new SessionOptions();
        }
        """,
        runtime: false,
        OutputKind.ConsoleApplication);
}
