using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LazyMigrate.CodeFixes.Tests.Rules;

public class LZM0008Tests
{
    /// <summary>
    /// As <see cref="Verify{TFixer}.FixAsync"/>; LZM0008 is a compilation-end rule, whose diagnostics the
    /// testing framework calls non-local, so its "fixes only local diagnostics" check is off here.
    /// </summary>
    private static Task FixAsync(string source, string fixedSource, bool runtime, OutputKind outputKind)
    {
        var test = new LazyFixTest<LZM0008LazyInstanceStateFixer>(runtime)
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        test.TestState.OutputKind = outputKind;
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync();
    }

    private static Task NoFixAsync(string source, bool runtime, OutputKind outputKind) => FixAsync(source, source, runtime, outputKind);

    [Fact]
    public Task Constructor_field_with_runtime_becomes_LazyValue_property_calls_move_to_factory_dispose_guarded() => FixAsync(
        """
        using System;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public sealed class Assistant : IDisposable
        {
            // The model answering questions.
            private readonly InferenceSession _session;
            private readonly string _name;

            public Assistant()
            {
                _name = "assistant";
                _session = {|LZM0008:new InferenceSession("model.onnx")|}; // built once
                // Warm the model up.
                _session.Run("warm-up");
            }

            public string Ask(string question) => _name + _session.Run(question);

            public void Dispose() => _session.Dispose();
        }

        public static class Program
        {
            public static void Main()
            {
                using var assistant = new Assistant();
                Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
            }
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public sealed class Assistant : IDisposable
        {
            // The model answering questions.
            private InferenceSession _session => _lazySession.Get<InferenceSession>();

            private readonly LazyValue _lazySession;

            [MethodImpl(MethodImplOptions.NoInlining)]
            private object CreateSession()
            {
                InferenceSession session = new InferenceSession("model.onnx");
                session.Run("warm-up");
                return session;
            }

            private readonly string _name;

            public Assistant()
            {
                _name = "assistant";
                _lazySession = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession); // built once
                // Warm the model up.
            }

            public string Ask(string question) => _name + _session.Run(question);

            public void Dispose()
            {
                if (_lazySession.IsValueCreated)
                {
                    _session.Dispose();
                }
            }
        }

        public static class Program
        {
            public static void Main()
            {
                using var assistant = new Assistant();
                Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
            }
        }
        """,
        runtime: true,
        outputKind: OutputKind.ConsoleApplication);

    [Fact]
    public Task Dependent_field_without_runtime_both_become_Lazy_of_object_this_qualified() => FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public sealed class Catalog
        {
            private readonly InferenceSession _session;
            private readonly string _banner;
            private int _opened;

            public Catalog()
            {
                _opened = 1;
                this._session = {|LZM0008:new InferenceSession("catalog.onnx")|};
                _banner = _session.Run("banner");
            }

            public string Describe() => _banner + _opened;

            public void Close()
            {
                _session?.Dispose();
            }
        }

        public static class Program
        {
            public static void Main()
            {
                System.Console.WriteLine(new Catalog().Describe());
                Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
            }
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public sealed class Catalog
        {
            private InferenceSession _session => (InferenceSession)_lazySession.Value;

            private readonly Lazy<object> _lazySession;

            [MethodImpl(MethodImplOptions.NoInlining)]
            private object CreateSession() => new InferenceSession("catalog.onnx");

            private string _banner => (string)_lazyBanner.Value;

            private readonly Lazy<object> _lazyBanner;

            [MethodImpl(MethodImplOptions.NoInlining)]
            private object CreateBanner() => _session.Run("banner");

            private int _opened;

            public Catalog()
            {
                _opened = 1;
                _lazySession = new Lazy<object>(CreateSession);
                _lazyBanner = new Lazy<object>(CreateBanner);
            }

            public string Describe() => _banner + _opened;

            public void Close()
            {
                if (_lazySession.IsValueCreated)
                {
                    _session?.Dispose();
                }
            }
        }

        public static class Program
        {
            public static void Main()
            {
                System.Console.WriteLine(new Catalog().Describe());
                Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
            }
        }
        """,
        runtime: false,
        outputKind: OutputKind.ConsoleApplication);

    [Fact]
    public Task Auto_property_initializer_without_runtime_becomes_Lazy_of_object_property() => FixAsync(
        """
        using ImageMagick;

        namespace App;

        public sealed class AppServices
        {
            public MagickImage Swatch { get; } = {|LZM0008:new MagickImage("swatch.png")|};

            public string Name { get; } = "services";
        }

        public static class Program
        {
            public static void Main()
            {
                var services = new AppServices();
                Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
                System.Console.WriteLine(services.Name);
            }
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using ImageMagick;

        namespace App;

        public sealed class AppServices
        {
            public MagickImage Swatch => (MagickImage)_lazySwatch.Value;

            private readonly Lazy<object> _lazySwatch = new Lazy<object>(CreateSwatch);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSwatch() => new MagickImage("swatch.png");

            public string Name { get; } = "services";
        }

        public static class Program
        {
            public static void Main()
            {
                var services = new AppServices();
                Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
                System.Console.WriteLine(services.Name);
            }
        }
        """,
        runtime: false,
        outputKind: OutputKind.ConsoleApplication);

    [Fact]
    public Task Two_classes_in_one_file_fix_all() => FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public sealed class First
        {
            private readonly InferenceSession _session;

            public First() { _session = {|LZM0008:new InferenceSession("first.onnx")|}; }

            public string Ask() => _session.Run("1");
        }

        public sealed class Second
        {
            private readonly InferenceSession _session;

            public Second() { _session = {|LZM0008:new InferenceSession("second.onnx")|}; }

            public string Ask() => _session.Run("2");
        }

        public static class Program
        {
            public static void Main()
            {
                var first = new First();
                var second = new Second();
                System.Console.WriteLine(first.GetHashCode() != second.GetHashCode());
                Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
            }
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public sealed class First
        {
            private InferenceSession _session => _lazySession.Get<InferenceSession>();

            private readonly LazyValue _lazySession;

            [MethodImpl(MethodImplOptions.NoInlining)]
            private object CreateSession() => new InferenceSession("first.onnx");

            public First() { _lazySession = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession); }

            public string Ask() => _session.Run("1");
        }

        public sealed class Second
        {
            private InferenceSession _session => _lazySession.Get<InferenceSession>();

            private readonly LazyValue _lazySession;

            [MethodImpl(MethodImplOptions.NoInlining)]
            private object CreateSession() => new InferenceSession("second.onnx");

            public Second() { _lazySession = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession); }

            public string Ask() => _session.Run("2");
        }

        public static class Program
        {
            public static void Main()
            {
                var first = new First();
                var second = new Second();
                System.Console.WriteLine(first.GetHashCode() != second.GetHashCode());
                Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
            }
        }
        """,
        runtime: true,
        outputKind: OutputKind.ConsoleApplication);

    [Fact]
    public Task Parameter_use_other_reads_second_constructor_mutable_field_read_no_fix() => NoFixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public sealed class FromParameter
        {
            private readonly InferenceSession _session;

            public FromParameter(string path) { _session = {|LZM0008:new InferenceSession(path)|}; }

            public string Ask() => _session.Run("q");
        }

        public sealed class ReadInConstructor
        {
            private readonly InferenceSession _session;

            public ReadInConstructor()
            {
                _session = {|LZM0008:new InferenceSession("m.onnx")|};
                System.Console.WriteLine(_session.Run("eager"));
            }
        }

        public sealed class TwoConstructors
        {
            private readonly InferenceSession? _session;

            public TwoConstructors() { _session = {|LZM0008:new InferenceSession("m.onnx")|}; }

            public TwoConstructors(int unused) { }
        }

        public sealed class MutableInput
        {
            private string _path = "a.onnx";
            private readonly InferenceSession _session;

            public MutableInput() { _session = {|LZM0008:new InferenceSession(_path)|}; }

            public void Change() => _path = "b.onnx";
        }

        public static class Program
        {
            public static void Main()
            {
                new FromParameter("m.onnx");
                new ReadInConstructor();
                new TwoConstructors();
                new MutableInput();
                Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
            }
        }
        """,
        runtime: false,
        outputKind: OutputKind.ConsoleApplication);
}
