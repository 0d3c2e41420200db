using System.Threading.Tasks;
using LazyMigrate.Analyzers.Tests.Infrastructure;

namespace LazyMigrate.Analyzers.Tests.Rules;

public sealed class LZM0001Tests
{
    [Fact]
    public Task Reports_static_readonly_field_initializer() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using Microsoft.ML.OnnxRuntime;
            class Models
            {
                public static int Count = 3;
                static readonly InferenceSession Session = {|LZM0001:new InferenceSession("model.onnx")|};
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_static_property_initializer_calling_a_heavy_factory() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using Microsoft.ML.OnnxRuntime;
            static class Models
            {
                public static InferenceSession Session { get; } = {|LZM0001:InferenceSession.Create("model.onnx")|};
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_each_statement_of_a_static_constructor() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using ImageMagick;
            class Images
            {
                static readonly MagickImage Logo;
                static Images()
                {
                    {|LZM0001:MagickNET.Initialize()|};
                    var unused = 42;
                    if (unused > 0)
                    {
                        Logo = {|LZM0001:new MagickImage("logo.png")|};
                    }
                    else
                    {
                        Logo = null!;
                    }
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_target_typed_new_and_heavy_static_member_access() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using Microsoft.ML.OnnxRuntime;
            class Models
            {
                static readonly InferenceSession A = {|LZM0001:new("a.onnx")|}, B = {|LZM0001:InferenceSession.Default|};
                static readonly string Path = {|LZM0001:InferenceSession.Shared.ModelPath|};
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_first_heavy_element_of_a_collection_expression_once_per_declarator() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System.Collections.Generic;
            using Microsoft.ML.OnnxRuntime;
            class Models
            {
                static readonly InferenceSession[] All = [{|LZM0001:new InferenceSession("a")|}, new InferenceSession("b")];
                static readonly List<object> Mixed = ["text", {|LZM0001:new SessionOptions()|}];
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_in_records_file_scoped_namespaces_partial_and_generic_types() =>
        AnalyzerTestBuilder.Create()
            .WithSource("""
                namespace App.Config;
                using Microsoft.ML.OnnxRuntime;
                record Settings(string Name)
                {
                    static readonly SessionOptions Options = {|LZM0001:new SessionOptions()|};
                }
                partial class Registry { static readonly SessionOptions First = {|LZM0001:SessionOptions.MakeDefault()|}; }
                class Cache<T> where T : class { static readonly InferenceSession Session = {|LZM0001:new InferenceSession(typeof(T).Name)|}; }
                class Primary(int size) { static readonly SessionOptions Options = {|LZM0001:new SessionOptions()|}; public int Size => size; }
                """)
            .WithSource("""
                namespace App.Config;
                partial class Registry { static readonly ImageMagick.MagickImage Second = {|LZM0001:new ImageMagick.MagickImage()|}; }
                """)
            .ValidateAsync();

    [Fact]
    public Task Reports_through_using_static_and_aliases() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using static Microsoft.ML.OnnxRuntime.InferenceSession;
            using Session = Microsoft.ML.OnnxRuntime.InferenceSession;
            class Models
            {
                static readonly Session A = {|LZM0001:Create("a")|};
                static readonly Session B = {|LZM0001:new Session("b")|};
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_the_heavy_argument_inside_a_cheap_call() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using ImageMagick;
            class Images
            {
                static object Wrap(object o) => o;
                static readonly object Logo = Wrap({|LZM0001:new MagickImage("logo.png")|});
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_user_types_marked_heavy_and_types_deriving_from_heavy_types() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using LazyMigrate;
            using Microsoft.EntityFrameworkCore;
            [Heavy] class Engine { }
            class TurboEngine : Engine { }
            class AppDb : DbContext { }
            class Holder
            {
                static readonly Engine E = {|LZM0001:new Engine()|};
                static readonly TurboEngine T = {|LZM0001:new TurboEngine()|};
                static readonly AppDb Db = {|LZM0001:new AppDb()|};
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_in_active_if_blocks_only() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using Microsoft.ML.OnnxRuntime;
            class Models
            {
            #if NOT_DEFINED
                static readonly InferenceSession Hidden = new InferenceSession("x");
            #else
                static readonly InferenceSession Shown = {|LZM0001:new InferenceSession("x")|};
            #endif
            }
            """).ValidateAsync();

    [Fact]
    public Task DoesNotReport_const_nameof_typeof_or_heavy_types_only_named() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System;
            using System.Collections.Generic;
            using Microsoft.ML.OnnxRuntime;
            class Models
            {
                const string Version = InferenceSession.Version;
                static readonly string Name = nameof(InferenceSession);
                static readonly Type Kind = typeof(InferenceSession);
                static readonly List<InferenceSession> Sessions = new();
                static readonly InferenceSession[] Slots = new InferenceSession[4];
                static readonly GraphOptimizationLevel Level = GraphOptimizationLevel.All;
            }
            """).ValidateAsync();

    [Fact]
    public Task DoesNotReport_already_lazy_initializers() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System;
            using LazyMigrate;
            using Microsoft.ML.OnnxRuntime;
            class Models
            {
                static readonly Lazy<InferenceSession> A = new(() => new InferenceSession("a"));
                static readonly Lazy<InferenceSession> B = new Lazy<InferenceSession>(() => InferenceSession.Create("b"));
                static readonly LazyValue C = new("Microsoft.ML.OnnxRuntime", () => new InferenceSession("c"));
                static readonly LazyValue D = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession);
                static readonly Func<object> E = () => new InferenceSession("e");
                static readonly Func<object> F = delegate { return new InferenceSession("f"); };
                static object CreateSession() => new InferenceSession("d");
            }
            """).ValidateAsync();

    [Fact]
    public Task DoesNotReport_the_code_fix_output_with_cache_fields_by_any_rule() =>
        // Exactly what the LZM0001 fix generates (docs/rules/LZM0001.md), in a class Main touches:
        // the cache fields of heavy class types (no initializer) must not be flagged by LZM0001 or
        // any other rule, or a second fix run would change the code again.
        AnalyzerTestBuilder.Create().AsConsoleApplication().WithSource("""
            #nullable enable
            using System.Runtime.CompilerServices;
            using LazyMigrate;
            using Microsoft.ML.OnnxRuntime;

            static class Program
            {
                static void Main() => System.Console.WriteLine(Models.Cheap);
            }

            static class Models
            {
                public static int Cheap = 1;

                public static InferenceSession Session => s_sessionValue ??= s_session.Get<InferenceSession>();

                private static readonly LazyValue s_session = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession);
                private static InferenceSession? s_sessionValue;

                public static SessionOptions Options => s_optionsValue ?? (s_optionsValue = s_options.Get<SessionOptions>());

                private static readonly LazyValue s_options = new LazyValue("Microsoft.ML.OnnxRuntime", CreateOptions);
                private static SessionOptions? s_optionsValue;

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateSession() => new InferenceSession("model.onnx");

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateOptions() => new SessionOptions();
            }
            """).ValidateAsync();

    [Fact]
    public Task DoesNotReport_the_code_fix_output_with_holder_classes_by_any_rule() =>
        // Exactly what the LZM0001 fix generates with the runtime (docs/rules/LZM0001.md), in a class
        // Main touches: the holders' static readonly initializers (GetOrDefault<Heavy>()) must not be
        // flagged by LZM0001 or any other rule, or a second fix run would change the code again.
        AnalyzerTestBuilder.Create().AsConsoleApplication().WithSource("""
            #nullable enable
            using System.Runtime.CompilerServices;
            using LazyMigrate;
            using Microsoft.ML.OnnxRuntime;

            static class Program
            {
                static void Main() => System.Console.WriteLine(Models.Cheap);
            }

            static class Models
            {
                public static int Cheap = 1;

                public static InferenceSession Session => SessionHolder.Value ?? s_session.Get<InferenceSession>();

                private static readonly LazyValue s_session = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession);

                [LazyValueHolder]
                private static class SessionHolder
                {
                    // Initialized on the first read of Session; from then on the JIT reads it as a constant.
                    public static readonly InferenceSession? Value = s_session.GetOrDefault<InferenceSession>();
                }

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateSession() => new InferenceSession("model.onnx");
            }
            """).ValidateAsync();

    [Fact]
    public Task DoesNotReport_instance_fields_expression_bodied_statics_or_system_types() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System.Net.Http;
            using System.Text;
            using Microsoft.ML.OnnxRuntime;
            class Models
            {
                readonly InferenceSession _session = new InferenceSession("instance");
                static InferenceSession Fresh => new InferenceSession("each time");
                static readonly HttpClient Client = new HttpClient();
                static readonly StringBuilder Builder = new();
            }
            """).ValidateAsync();

    [Fact]
    public Task DoesNotReport_using_directives_alone_or_look_alike_types_in_the_project() =>
        AnalyzerTestBuilder.Create().WithoutHeavyReferences().WithSource("""
            namespace Microsoft.ML.OnnxRuntime
            {
                // The project's own type with a catalog-like name: its assembly is the project, not ONNX Runtime.
                class InferenceSession { public InferenceSession(string path) { } }
            }
            namespace App
            {
                using Microsoft.ML.OnnxRuntime;
                class Models { static readonly InferenceSession Session = new InferenceSession("m"); }
            }
            """).ValidateAsync();
}
