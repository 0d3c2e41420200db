using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.CodeFixes.Tests.Rules;

public class LZM0006Tests
{
    [Fact]
    public Task Discarded_forcing_becomes_background_warm_up_value_use_not_fixed() => Verify<LZM0006BackgroundWarmUpFixer>.FixAsync(
        """
        using System;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        // warm the model up
        _ = {|LZM0006:Models.Session.Value|};
        {|LZM0006:Models.Session.Get<InferenceSession>()|}; // typed
        var options = {|LZM0006:Models.Options.Value|};
        Console.WriteLine(options);

        static class Models
        {
            public static readonly LazyValue Session = new LazyValue("Microsoft.ML.OnnxRuntime", () => new InferenceSession("m"));
            public static readonly Lazy<SessionOptions> Options = new Lazy<SessionOptions>(() => new SessionOptions());
        }
        """,
        """
        using System;
        using System.Threading.Tasks;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        // warm the model up
        _ = Task.Run(() => { _ = Models.Session.Value; });
        _ = Task.Run(() => { _ = Models.Session.Get<InferenceSession>(); }); // typed
        var options = {|LZM0006:Models.Options.Value|};
        Console.WriteLine(options);

        static class Models
        {
            public static readonly LazyValue Session = new LazyValue("Microsoft.ML.OnnxRuntime", () => new InferenceSession("m"));
            public static readonly Lazy<SessionOptions> Options = new Lazy<SessionOptions>(() => new SessionOptions());
        }
        """,
        runtime: true,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Bcl_Lazy_discarded_in_Main_without_runtime() => Verify<LZM0006BackgroundWarmUpFixer>.FixAsync(
        """
        using System;
        using ImageMagick;

        public static class Program
        {
            private static readonly Lazy<MagickImage> s_logo = new Lazy<MagickImage>(() => new MagickImage("logo.png"));

            public static void Main()
            {
                _ = {|LZM0006:s_logo.Value|};
                Console.WriteLine("ready");
            }
        }
        """,
        """
        using System;
        using System.Threading.Tasks;
        using ImageMagick;

        public static class Program
        {
            private static readonly Lazy<MagickImage> s_logo = new Lazy<MagickImage>(() => new MagickImage("logo.png"));

            public static void Main()
            {
                _ = Task.Run(() => { _ = s_logo.Value; });
                Console.WriteLine("ready");
            }
        }
        """,
        runtime: false,
        OutputKind.ConsoleApplication);
}
