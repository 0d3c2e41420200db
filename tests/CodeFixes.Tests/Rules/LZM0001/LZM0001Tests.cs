using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace LazyMigrate.CodeFixes.Tests.Rules;

public class LZM0001Tests
{
    [Fact]
    public Task Field_initializer_with_runtime_becomes_LazyValue_property() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public static class Models
        {
            // The model used by every request.
            public static readonly InferenceSession Session = {|LZM0001:new InferenceSession("model.onnx")|}; // trailing note

            public static int Cheap = 1;
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public static class Models
        {
            // The model used by every request.
            public static InferenceSession Session => SessionHolder.Value ?? s_session.Get<InferenceSession>();

            private static readonly LazyValue s_session = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession);

            [LazyValueHolder]
            private static class SessionHolder
            {
                // Initialized on the first read of Session; from then on the JIT reads it as a constant.
                public static readonly InferenceSession? Value = s_session.GetOrDefault<InferenceSession>();
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSession() => new InferenceSession("model.onnx"); // trailing note

            public static int Cheap = 1;
        }
        """,
        runtime: true);

    [Fact]
    public Task Field_initializer_without_runtime_becomes_Lazy_of_object_property() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public static class Models
        {
            public static readonly InferenceSession Session = {|LZM0001:new InferenceSession("model.onnx")|};
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public static class Models
        {
            public static InferenceSession Session => s_sessionValue ??= (InferenceSession)s_session.Value;

            private static readonly Lazy<object> s_session = new Lazy<object>(CreateSession);
            private static InferenceSession? s_sessionValue;

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSession() => new InferenceSession("model.onnx");
        }
        """,
        runtime: false);

    [Fact]
    public Task Property_initializer_keeps_attributes_doc_comments_and_accessibility() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using System;
        using ImageMagick;

        namespace App
        {
            internal class Images
            {
                /// <summary>The logo.</summary>
                [Obsolete("use Banner")]
                internal static MagickImage Logo { get; } = {|LZM0001:new MagickImage("logo.png")|};
            }
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using ImageMagick;

        namespace App
        {
            internal class Images
            {
                /// <summary>The logo.</summary>
                [Obsolete("use Banner")]
                internal static MagickImage Logo => s_logoValue ??= (MagickImage)s_logo.Value;

                private static readonly Lazy<object> s_logo = new Lazy<object>(CreateLogo);
                private static MagickImage? s_logoValue;

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateLogo() => new MagickImage("logo.png");
            }
        }
        """,
        runtime: false);

    [Fact]
    public Task Several_declarators_in_one_declaration_all_fixed_together() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        class Models
        {
            static readonly InferenceSession A = {|LZM0001:new InferenceSession("a")|}, B = {|LZM0001:new InferenceSession("b")|};
            static readonly int Count = 2;

            static string Use() => A.Run("x") + B.Run("y") + Count;
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        class Models
        {
            static InferenceSession A => AHolder.Value ?? s_a.Get<InferenceSession>();

            private static readonly LazyValue s_a = new LazyValue("Microsoft.ML.OnnxRuntime", CreateA);

            [LazyValueHolder]
            private static class AHolder
            {
                // Initialized on the first read of A; from then on the JIT reads it as a constant.
                public static readonly InferenceSession? Value = s_a.GetOrDefault<InferenceSession>();
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateA() => new InferenceSession("a");

            static InferenceSession B => BHolder.Value ?? s_b.Get<InferenceSession>();

            private static readonly LazyValue s_b = new LazyValue("Microsoft.ML.OnnxRuntime", CreateB);

            [LazyValueHolder]
            private static class BHolder
            {
                // Initialized on the first read of B; from then on the JIT reads it as a constant.
                public static readonly InferenceSession? Value = s_b.GetOrDefault<InferenceSession>();
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateB() => new InferenceSession("b");
            static readonly int Count = 2;

            static string Use() => A.Run("x") + B.Run("y") + Count;
        }
        """,
        runtime: true);

    [Fact]
    public Task Non_readonly_field_written_elsewhere_no_fix() => Verify<LZM0001LazyStaticMemberFixer>.NoFixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        class Models
        {
            static InferenceSession Session = {|LZM0001:new InferenceSession("a")|};

            static void Reload() => Session = new InferenceSession("b");
        }
        """,
        runtime: true);

    [Fact]
    public Task Stored_delegate_of_a_heavy_type_no_fix() => Verify<LZM0001LazyStaticMemberFixer>.NoFixAsync(
        """
        using System;
        using Microsoft.ML.OnnxRuntime;

        static class Registry
        {
            public static readonly Func<SessionOptions> Make = {|LZM0001:() => new SessionOptions()|};
        }
        """,
        runtime: true);

    [Fact]
    public Task Non_readonly_field_never_written_becomes_get_only_property() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        class Models
        {
            public static SessionOptions Options = {|LZM0001:new SessionOptions()|};
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using Microsoft.ML.OnnxRuntime;

        class Models
        {
            public static SessionOptions Options => s_optionsValue ??= (SessionOptions)s_options.Value;

            private static readonly Lazy<object> s_options = new Lazy<object>(CreateOptions);
            private static SessionOptions? s_optionsValue;

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateOptions() => new SessionOptions();
        }
        """,
        runtime: false);

    [Fact]
    public Task Target_typed_new_names_its_type_in_the_factory_without_a_cast() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        class Models
        {
            static readonly SessionOptions Options = {|LZM0001:new()|};
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        class Models
        {
            static SessionOptions Options => OptionsHolder.Value ?? s_options.Get<SessionOptions>();

            private static readonly LazyValue s_options = new LazyValue("Microsoft.ML.OnnxRuntime", CreateOptions);

            [LazyValueHolder]
            private static class OptionsHolder
            {
                // Initialized on the first read of Options; from then on the JIT reads it as a constant.
                public static readonly SessionOptions? Value = s_options.GetOrDefault<SessionOptions>();
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateOptions() => new SessionOptions();
        }
        """,
        runtime: true);

    [Fact]
    public Task Collection_expression_keeps_its_target_type() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using System.Collections.Generic;
        using ImageMagick;

        static class Images
        {
            public static readonly List<MagickImage> All = [{|LZM0001:new MagickImage("a.png")|}, new MagickImage("b.png")];
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using ImageMagick;

        static class Images
        {
            public static List<MagickImage> All => s_allValue ??= (List<MagickImage>)s_all.Value;

            private static readonly Lazy<object> s_all = new Lazy<object>(CreateAll);
            private static List<MagickImage>? s_allValue;

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateAll() => (List<MagickImage>)[new MagickImage("a.png"), new MagickImage("b.png")];
        }
        """,
        runtime: false);

    // Also: in a generic type the fix keeps the cache field (a nested holder would be one class per
    // instantiation, read through the generic dictionary in shared code: no constant for the JIT).
    [Fact]
    public Task Generic_record_with_regions_and_if_directives_trivia_preserved() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public record Cache<T>(T Key)
        {
            #region Models
        #if DEBUG
            public static readonly SessionOptions Debug = new SessionOptions();
        #else
            public static readonly SessionOptions Release = {|LZM0001:new SessionOptions()|};
        #endif
            #endregion
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public record Cache<T>(T Key)
        {
            #region Models
        #if DEBUG
            public static readonly SessionOptions Debug = new SessionOptions();
        #else
            public static SessionOptions Release => s_releaseValue ??= s_release.Get<SessionOptions>();

            private static readonly LazyValue s_release = new LazyValue("Microsoft.ML.OnnxRuntime", CreateRelease);
            private static SessionOptions? s_releaseValue;

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateRelease() => new SessionOptions();
        #endif
            #endregion
        }
        """,
        runtime: true);

    [Fact]
    public Task Name_collision_picks_the_lazy_and_build_variants_never_a_number() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        class Models
        {
            private static readonly int s_session = 1;
            static int CreateSession() => s_session;
            static readonly InferenceSession Session = {|LZM0001:new InferenceSession("m")|};
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        class Models
        {
            private static readonly int s_session = 1;
            static int CreateSession() => s_session;
            static InferenceSession Session => SessionHolder.Value ?? s_lazySession.Get<InferenceSession>();

            private static readonly LazyValue s_lazySession = new LazyValue("Microsoft.ML.OnnxRuntime", BuildSession);

            [LazyValueHolder]
            private static class SessionHolder
            {
                // Initialized on the first read of Session; from then on the JIT reads it as a constant.
                public static readonly InferenceSession? Value = s_lazySession.GetOrDefault<InferenceSession>();
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object BuildSession() => new InferenceSession("m");
        }
        """,
        runtime: true);

    [Fact]
    public Task Holder_name_collision_with_a_nested_type_or_an_identifier_in_the_type_picks_the_value_holder_variant() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        class OptionsHolder { }

        class Models
        {
            class SessionHolder { }
            static readonly InferenceSession Session = {|LZM0001:new InferenceSession("m")|};
            static readonly SessionOptions Options = {|LZM0001:new SessionOptions()|};
            static OptionsHolder Make() => new OptionsHolder();
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        class OptionsHolder { }

        class Models
        {
            class SessionHolder { }
            static InferenceSession Session => SessionValueHolder.Value ?? s_session.Get<InferenceSession>();

            private static readonly LazyValue s_session = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession);

            [LazyValueHolder]
            private static class SessionValueHolder
            {
                // Initialized on the first read of Session; from then on the JIT reads it as a constant.
                public static readonly InferenceSession? Value = s_session.GetOrDefault<InferenceSession>();
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSession() => new InferenceSession("m");
            static SessionOptions Options => OptionsValueHolder.Value ?? s_options.Get<SessionOptions>();

            private static readonly LazyValue s_options = new LazyValue("Microsoft.ML.OnnxRuntime", CreateOptions);

            [LazyValueHolder]
            private static class OptionsValueHolder
            {
                // Initialized on the first read of Options; from then on the JIT reads it as a constant.
                public static readonly SessionOptions? Value = s_options.GetOrDefault<SessionOptions>();
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateOptions() => new SessionOptions();
            static OptionsHolder Make() => new OptionsHolder();
        }
        """,
        runtime: true);

    [Fact]
    public Task Static_constructor_assignment_moves_into_factory() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using System;
        using Microsoft.ML.OnnxRuntime;

        class Models
        {
            static readonly InferenceSession Session;

            static Models()
            {
                Console.WriteLine("init");
                // build the session
                Session = {|LZM0001:new InferenceSession("m")|}; // from the model file
            }
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using Microsoft.ML.OnnxRuntime;

        class Models
        {
            static InferenceSession Session => s_sessionValue ??= (InferenceSession)s_session.Value;

            private static readonly Lazy<object> s_session = new Lazy<object>(CreateSession);
            private static InferenceSession? s_sessionValue;

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSession() => new InferenceSession("m");

            static Models()
            {
                Console.WriteLine("init");
                // build the session
                // from the model file
            }
        }
        """,
        runtime: false);

    [Fact]
    public Task Static_constructor_assignment_with_runtime_gets_a_holder_in_a_struct_and_cache_field_in_a_nested_type_of_a_generic_type() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        struct Models
        {
            static readonly SessionOptions Options;

            static Models()
            {
                Options = {|LZM0001:new SessionOptions()|};
            }
        }

        class Outer<T>
        {
            static class Inner
            {
                static readonly SessionOptions Options = {|LZM0001:new SessionOptions()|};
            }
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        struct Models
        {
            static SessionOptions Options => OptionsHolder.Value ?? s_options.Get<SessionOptions>();

            private static readonly LazyValue s_options = new LazyValue("Microsoft.ML.OnnxRuntime", CreateOptions);

            [LazyValueHolder]
            private static class OptionsHolder
            {
                // Initialized on the first read of Options; from then on the JIT reads it as a constant.
                public static readonly SessionOptions? Value = s_options.GetOrDefault<SessionOptions>();
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateOptions() => new SessionOptions();

            static Models()
            {
            }
        }

        class Outer<T>
        {
            static class Inner
            {
                static SessionOptions Options => s_optionsValue ??= s_options.Get<SessionOptions>();

                private static readonly LazyValue s_options = new LazyValue("Microsoft.ML.OnnxRuntime", CreateOptions);
                private static SessionOptions? s_optionsValue;

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateOptions() => new SessionOptions();
            }
        }
        """,
        runtime: true);

    [Fact]
    public Task Partial_class_across_files_fix_all_in_solution() => new LazyFixTest<LZM0001LazyStaticMemberFixer>(runtime: true)
    {
        TestState =
        {
            Sources =
            {
                ("A.cs", """
                    using Microsoft.ML.OnnxRuntime;

                    partial class Models
                    {
                        static readonly InferenceSession First = {|LZM0001:new InferenceSession("1")|};
                    }
                    """),
                ("B.cs", """
                    using ImageMagick;

                    partial class Models
                    {
                        static readonly MagickImage Second = {|LZM0001:new MagickImage()|};
                        static int Width => Second.Width;
                    }
                    """),
            },
        },
        FixedState =
        {
            Sources =
            {
                ("A.cs", """
                    using System.Runtime.CompilerServices;
                    using LazyMigrate;
                    using Microsoft.ML.OnnxRuntime;

                    partial class Models
                    {
                        static InferenceSession First => FirstHolder.Value ?? s_first.Get<InferenceSession>();

                        private static readonly LazyValue s_first = new LazyValue("Microsoft.ML.OnnxRuntime", CreateFirst);

                        [LazyValueHolder]
                        private static class FirstHolder
                        {
                            // Initialized on the first read of First; from then on the JIT reads it as a constant.
                            public static readonly InferenceSession? Value = s_first.GetOrDefault<InferenceSession>();
                        }

                        [MethodImpl(MethodImplOptions.NoInlining)]
                        private static object CreateFirst() => new InferenceSession("1");
                    }
                    """),
                ("B.cs", """
                    using System.Runtime.CompilerServices;
                    using ImageMagick;
                    using LazyMigrate;

                    partial class Models
                    {
                        static MagickImage Second => SecondHolder.Value ?? s_second.Get<MagickImage>();

                        private static readonly LazyValue s_second = new LazyValue("Magick.NET", CreateSecond);

                        [LazyValueHolder]
                        private static class SecondHolder
                        {
                            // Initialized on the first read of Second; from then on the JIT reads it as a constant.
                            public static readonly MagickImage? Value = s_second.GetOrDefault<MagickImage>();
                        }

                        [MethodImpl(MethodImplOptions.NoInlining)]
                        private static object CreateSecond() => new MagickImage();
                        static int Width => Second.Width;
                    }
                    """),
            },
        },
    }.RunAsync();

    [Fact]
    public Task Property_with_setter_no_fix() => Verify<LZM0001LazyStaticMemberFixer>.NoFixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        class Models
        {
            public static SessionOptions Options { get; set; } = {|LZM0001:new SessionOptions()|};
        }
        """,
        runtime: false);

    [Fact]
    public Task User_defined_conversion_is_kept_by_a_cast() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        readonly struct Wrapper
        {
            public Wrapper(SessionOptions options) => Options = options;
            public SessionOptions Options { get; }
            public static implicit operator Wrapper(SessionOptions options) => new Wrapper(options);
        }

        static class Models
        {
            public static readonly Wrapper Options = {|LZM0001:new SessionOptions()|};
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using Microsoft.ML.OnnxRuntime;

        readonly struct Wrapper
        {
            public Wrapper(SessionOptions options) => Options = options;
            public SessionOptions Options { get; }
            public static implicit operator Wrapper(SessionOptions options) => new Wrapper(options);
        }

        static class Models
        {
            public static Wrapper Options => (Wrapper)s_options.Value;

            private static readonly Lazy<object> s_options = new Lazy<object>(CreateOptions);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateOptions() => (Wrapper)new SessionOptions();
        }
        """,
        runtime: false);

    [Fact]
    public Task Two_projects_one_with_runtime_one_without_fix_all_in_solution()
    {
        var test = new LazyFixTest<LZM0001LazyStaticMemberFixer>(runtime: true)
        {
            TestState =
            {
                Sources =
                {
                    """
                    using Microsoft.ML.OnnxRuntime;

                    static class A
                    {
                        static readonly SessionOptions Options = {|LZM0001:new SessionOptions()|};
                    }
                    """,
                },
                AdditionalProjects =
                {
                    ["Plain"] =
                    {
                        Sources =
                        {
                            """
                            using ImageMagick;

                            static class B
                            {
                                static readonly MagickImage Image = {|LZM0001:new MagickImage()|};
                            }
                            """,
                        },
                    },
                },
            },
            FixedState =
            {
                Sources =
                {
                    """
                    using System.Runtime.CompilerServices;
                    using LazyMigrate;
                    using Microsoft.ML.OnnxRuntime;

                    static class A
                    {
                        static SessionOptions Options => OptionsHolder.Value ?? s_options.Get<SessionOptions>();

                        private static readonly LazyValue s_options = new LazyValue("Microsoft.ML.OnnxRuntime", CreateOptions);

                        [LazyValueHolder]
                        private static class OptionsHolder
                        {
                            // Initialized on the first read of Options; from then on the JIT reads it as a constant.
                            public static readonly SessionOptions? Value = s_options.GetOrDefault<SessionOptions>();
                        }

                        [MethodImpl(MethodImplOptions.NoInlining)]
                        private static object CreateOptions() => new SessionOptions();
                    }
                    """,
                },
                AdditionalProjects =
                {
                    ["Plain"] =
                    {
                        Sources =
                        {
                            """
                            using System;
                            using System.Runtime.CompilerServices;
                            using ImageMagick;

                            static class B
                            {
                                static MagickImage Image => s_imageValue ??= (MagickImage)s_image.Value;

                                private static readonly Lazy<object> s_image = new Lazy<object>(CreateImage);
                                private static MagickImage s_imageValue;

                                [MethodImpl(MethodImplOptions.NoInlining)]
                                private static object CreateImage() => new MagickImage();
                            }
                            """,
                        },
                    },
                },
            },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Alias_and_usings_inside_namespace_placement_kept() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        namespace App
        {
            using Onnx = Microsoft.ML.OnnxRuntime;

            class Service(string path)
            {
                public string Path => path;

                static readonly Onnx.SessionOptions Options = {|LZM0001:new Onnx.SessionOptions()|};
            }
        }
        """,
        """
        namespace App
        {
            using System.Runtime.CompilerServices;
            using LazyMigrate;
            using Onnx = Microsoft.ML.OnnxRuntime;

            class Service(string path)
            {
                public string Path => path;

                static Onnx.SessionOptions Options => OptionsHolder.Value ?? s_options.Get<Onnx.SessionOptions>();

                private static readonly LazyValue s_options = new LazyValue("Microsoft.ML.OnnxRuntime", CreateOptions);

                [LazyValueHolder]
                private static class OptionsHolder
                {
                    // Initialized on the first read of Options; from then on the JIT reads it as a constant.
                    public static readonly Onnx.SessionOptions? Value = s_options.GetOrDefault<Onnx.SessionOptions>();
                }

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateOptions() => new Onnx.SessionOptions();
            }
        }
        """,
        runtime: true);

    [Fact]
    public Task Global_usings_are_not_duplicated() => new LazyFixTest<LZM0001LazyStaticMemberFixer>(runtime: false)
    {
        TestState =
        {
            Sources =
            {
                ("GlobalUsings.cs", "global using System;\nglobal using System.Runtime.CompilerServices;\n"),
                ("Models.cs", """
                    using Microsoft.ML.OnnxRuntime;

                    static class Models
                    {
                        static readonly SessionOptions Options = {|LZM0001:new SessionOptions()|};
                    }
                    """),
            },
        },
        FixedState =
        {
            Sources =
            {
                ("GlobalUsings.cs", "global using System;\nglobal using System.Runtime.CompilerServices;\n"),
                ("Models.cs", """
                    using Microsoft.ML.OnnxRuntime;

                    static class Models
                    {
                        static SessionOptions Options => s_optionsValue ??= (SessionOptions)s_options.Value;

                        private static readonly Lazy<object> s_options = new Lazy<object>(CreateOptions);
                        private static SessionOptions? s_optionsValue;

                        [MethodImpl(MethodImplOptions.NoInlining)]
                        private static object CreateOptions() => new SessionOptions();
                    }
                    """),
            },
        },
    }.RunAsync();
    [Fact]
    public Task Heavy_enum_field_keeps_the_uncached_getter() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using ImageMagick;

        static class Formats
        {
            // A static field of a heavy enum (or struct) type would load its assembly with this class: no cache field.
            public static readonly MagickFormat Best = {|LZM0001:new MagickFormatInfo().Format|};
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using ImageMagick;
        using LazyMigrate;

        static class Formats
        {
            // A static field of a heavy enum (or struct) type would load its assembly with this class: no cache field.
            public static MagickFormat Best => s_best.Get<MagickFormat>();

            private static readonly LazyValue s_best = new LazyValue("Magick.NET", CreateBest);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateBest() => new MagickFormatInfo().Format;
        }
        """,
        runtime: true);

    [Fact]
    public Task Nullable_disabled_file_cache_field_has_no_annotation() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        #nullable disable
        using Microsoft.ML.OnnxRuntime;

        static class Models
        {
            public static readonly InferenceSession Session = {|LZM0001:new InferenceSession("m")|};
        }
        """,
        """
        #nullable disable
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        static class Models
        {
            public static InferenceSession Session => SessionHolder.Value ?? s_session.Get<InferenceSession>();

            private static readonly LazyValue s_session = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession);

            [LazyValueHolder]
            private static class SessionHolder
            {
                // Initialized on the first read of Session; from then on the JIT reads it as a constant.
                public static readonly InferenceSession Value = s_session.GetOrDefault<InferenceSession>();
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSession() => new InferenceSession("m");
        }
        """,
        runtime: true);

    [Fact]
    public Task Nullable_directive_on_the_first_line_stays_once() => new LazyFixTest<LZM0001LazyStaticMemberFixer>(runtime: true)
    {
        // The added using directives go below the directive, which must not be duplicated.
        SolutionTransforms =
        {
            (solution, projectId) => solution.WithProjectCompilationOptions(
                projectId,
                ((CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Disable)),
        },
        TestCode = """
            #nullable enable
            using ImageMagick;

            static class Images
            {
                internal static readonly MagickImage Logo = {|LZM0001:new MagickImage("logo.png")|};
            }
            """,
        FixedCode = """
            #nullable enable
            using System.Runtime.CompilerServices;
            using ImageMagick;
            using LazyMigrate;

            static class Images
            {
                internal static MagickImage Logo => LogoHolder.Value ?? s_logo.Get<MagickImage>();

                private static readonly LazyValue s_logo = new LazyValue("Magick.NET", CreateLogo);

                [LazyValueHolder]
                private static class LogoHolder
                {
                    // Initialized on the first read of Logo; from then on the JIT reads it as a constant.
                    public static readonly MagickImage? Value = s_logo.GetOrDefault<MagickImage>();
                }

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateLogo() => new MagickImage("logo.png");
            }
            """,
    }.RunAsync();

    [Fact]
    public Task Nullable_enabled_by_directive_cache_field_is_annotated() => new LazyFixTest<LZM0001LazyStaticMemberFixer>(runtime: true)
    {
        // The project has nullable off; the file turns it on: the cache field follows the file.
        SolutionTransforms =
        {
            (solution, projectId) => solution.WithProjectCompilationOptions(
                projectId,
                ((CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Disable)),
        },
        TestCode = """
            using ImageMagick;

            #nullable enable
            static class Images
            {
                internal static readonly MagickImage Logo = {|LZM0001:new MagickImage("logo.png")|};
            }
            """,
        FixedCode = """
            using System.Runtime.CompilerServices;
            using ImageMagick;
            using LazyMigrate;

            #nullable enable
            static class Images
            {
                internal static MagickImage Logo => LogoHolder.Value ?? s_logo.Get<MagickImage>();

                private static readonly LazyValue s_logo = new LazyValue("Magick.NET", CreateLogo);

                [LazyValueHolder]
                private static class LogoHolder
                {
                    // Initialized on the first read of Logo; from then on the JIT reads it as a constant.
                    public static readonly MagickImage? Value = s_logo.GetOrDefault<MagickImage>();
                }

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateLogo() => new MagickImage("logo.png");
            }
            """,
    }.RunAsync();

    [Fact]
    public Task Nullable_annotated_field_type_is_not_annotated_twice() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        static class Models
        {
            static readonly SessionOptions? Options = {|LZM0001:new SessionOptions()|};
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        static class Models
        {
            static SessionOptions? Options => OptionsHolder.Value ?? s_options.Get<SessionOptions?>();

            private static readonly LazyValue s_options = new LazyValue("Microsoft.ML.OnnxRuntime", CreateOptions);

            [LazyValueHolder]
            private static class OptionsHolder
            {
                // Initialized on the first read of Options; from then on the JIT reads it as a constant.
                public static readonly SessionOptions? Value = s_options.GetOrDefault<SessionOptions?>();
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateOptions() => new SessionOptions();
        }
        """,
        runtime: true);

    [Fact]
    public Task Interface_typed_field_is_cached() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        static class Models
        {
            public static readonly IModel Model = {|LZM0001:new OnnxModel("m")|};
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        static class Models
        {
            public static IModel Model => ModelHolder.Value ?? s_model.Get<IModel>();

            private static readonly LazyValue s_model = new LazyValue("Microsoft.ML.OnnxRuntime", CreateModel);

            [LazyValueHolder]
            private static class ModelHolder
            {
                // Initialized on the first read of Model; from then on the JIT reads it as a constant.
                public static readonly IModel? Value = s_model.GetOrDefault<IModel>();
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateModel() => new OnnxModel("m");
        }
        """,
        runtime: true);

    [Fact]
    public Task CSharp_7_3_uses_coalesce_and_assignment() => new LazyFixTest<LZM0001LazyStaticMemberFixer>(runtime: false)
    {
        // Before C# 8 there is no "??=" (and no nullable annotations).
        SolutionTransforms =
        {
            (solution, projectId) => solution
                .WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.CSharp7_3, DocumentationMode.Diagnose))
                .WithProjectCompilationOptions(
                    projectId,
                    ((CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Disable)),
        },
        TestCode = """
            using Microsoft.ML.OnnxRuntime;

            static class Models
            {
                static readonly SessionOptions Options = {|LZM0001:new SessionOptions()|};
            }
            """,
        FixedCode = """
            using System;
            using System.Runtime.CompilerServices;
            using Microsoft.ML.OnnxRuntime;

            static class Models
            {
                static SessionOptions Options => s_optionsValue ?? (s_optionsValue = (SessionOptions)s_options.Value);

                private static readonly Lazy<object> s_options = new Lazy<object>(CreateOptions);
                private static SessionOptions s_optionsValue;

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateOptions() => new SessionOptions();
            }
            """,
    }.RunAsync();
}
