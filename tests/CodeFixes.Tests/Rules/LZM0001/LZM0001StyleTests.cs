using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.CodeFixes.Tests.Rules;

/// <summary>LZM0001's output reads like the file's own code: its naming, no needless casts, no new warnings.</summary>
public class LZM0001StyleTests
{
    [Fact]
    public Task Generated_statics_follow_the_underscore_style_of_the_file_and_target_typed_new_names_its_type() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using Azure.Storage.Blobs;

        namespace App;

        public static class Storage
        {
            private static readonly string _connection = "UseDevelopmentStorage=true";
            private static int _retries = 3;
            private static readonly BlobServiceClient s_client = {|LZM0001:new("conn")|};

            public static string Describe() => _connection + _retries + s_client.GetBlobContainerClient("x");
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using Azure.Storage.Blobs;

        namespace App;

        public static class Storage
        {
            private static readonly string _connection = "UseDevelopmentStorage=true";
            private static int _retries = 3;
            private static BlobServiceClient s_client => _clientValue ??= (BlobServiceClient)_client.Value;

            private static readonly Lazy<object> _client = new Lazy<object>(CreateClient);
            private static BlobServiceClient? _clientValue;

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateClient() => new BlobServiceClient("conn");

            public static string Describe() => _connection + _retries + s_client.GetBlobContainerClient("x");
        }
        """,
        runtime: false);

    [Fact]
    public Task A_proxy_name_taken_by_the_member_itself_gets_the_lazy_variant_not_a_number() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        internal static class Models
        {
            private static readonly InferenceSession s_session = {|LZM0001:new InferenceSession("model.onnx")|};

            public static string Path => s_session.ModelPath;
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        internal static class Models
        {
            private static InferenceSession s_session => s_sessionValue ??= (InferenceSession)s_lazySession.Value;

            private static readonly Lazy<object> s_lazySession = new Lazy<object>(CreateSession);
            private static InferenceSession? s_sessionValue;

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSession() => new InferenceSession("model.onnx");

            public static string Path => s_session.ModelPath;
        }
        """,
        runtime: false);

    [Fact]
    public Task Editorconfig_naming_rules_win_over_the_code_around() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public static class Models
        {
            private static int s_requests;

            public static readonly InferenceSession Session = {|LZM0001:new InferenceSession("model.onnx")|};

            public static int Requests => s_requests;
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public static class Models
        {
            private static int s_requests;

            public static InferenceSession Session => StaticSessionValue ??= (InferenceSession)StaticSession.Value;

            private static readonly Lazy<object> StaticSession = new Lazy<object>(CreateSessionNow);
            private static InferenceSession? StaticSessionValue;

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSessionNow() => new InferenceSession("model.onnx");

            public static int Requests => s_requests;
        }
        """,
        runtime: false,
        analyzerConfig: """
            dotnet_naming_rule.private_statics.symbols = private_static_fields
            dotnet_naming_rule.private_statics.style = static_prefix
            dotnet_naming_rule.private_statics.severity = suggestion
            dotnet_naming_symbols.private_static_fields.applicable_kinds = field
            dotnet_naming_symbols.private_static_fields.applicable_accessibilities = private
            dotnet_naming_symbols.private_static_fields.required_modifiers = static
            dotnet_naming_style.static_prefix.capitalization = pascal_case
            dotnet_naming_style.static_prefix.required_prefix = Static
            dotnet_naming_rule.methods.symbols = all_methods
            dotnet_naming_rule.methods.style = method_style
            dotnet_naming_rule.methods.severity = suggestion
            dotnet_naming_symbols.all_methods.applicable_kinds = method
            dotnet_naming_style.method_style.capitalization = pascal_case
            dotnet_naming_style.method_style.required_suffix = Now
            """);

    [Fact]
    public Task A_value_that_may_be_null_gets_a_nullable_factory_and_no_warning() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using System;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public static class Models
        {
            public static readonly InferenceSession? Session = Environment.GetEnvironmentVariable("MODEL") is { } path ? {|LZM0001:new InferenceSession(path)|} : null;
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public static class Models
        {
            public static InferenceSession? Session => s_sessionValue ??= (InferenceSession?)s_session.Value;

            private static readonly Lazy<object?> s_session = new Lazy<object?>(CreateSession);
            private static InferenceSession? s_sessionValue;

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object? CreateSession() => Environment.GetEnvironmentVariable("MODEL") is { } path ? new InferenceSession(path) : null;
        }
        """,
        runtime: false);

    [Fact]
    public Task A_value_that_may_be_null_with_the_runtime_passes_a_lambda_that_allows_null() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using System;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public static class Models
        {
            public static readonly InferenceSession? Session = Environment.GetEnvironmentVariable("MODEL") is { } path ? {|LZM0001:new InferenceSession(path)|} : null;
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public static class Models
        {
            public static InferenceSession? Session => SessionHolder.Value ?? s_session.Get<InferenceSession?>();

            private static readonly LazyValue s_session = new LazyValue("Microsoft.ML.OnnxRuntime", () => CreateSession()!);

            [LazyValueHolder]
            private static class SessionHolder
            {
                // Initialized on the first read of Session; from then on the JIT reads it as a constant.
                public static readonly InferenceSession? Value = s_session.GetOrDefault<InferenceSession?>();
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object? CreateSession() => Environment.GetEnvironmentVariable("MODEL") is { } path ? new InferenceSession(path) : null;
        }
        """,
        runtime: true);

    [Fact]
    public Task A_value_that_may_be_null_where_nullable_is_disabled_keeps_object() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        #nullable disable
        using System;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public static class Models
        {
            public static readonly InferenceSession Session = Environment.GetEnvironmentVariable("MODEL") is { } path ? {|LZM0001:new InferenceSession(path)|} : null;
        }
        """,
        """
        #nullable disable
        using System;
        using System.Runtime.CompilerServices;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        public static class Models
        {
            public static InferenceSession Session => s_sessionValue ??= (InferenceSession)s_session.Value;

            private static readonly Lazy<object> s_session = new Lazy<object>(CreateSession);
            private static InferenceSession s_sessionValue;

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSession() => Environment.GetEnvironmentVariable("MODEL") is { } path ? new InferenceSession(path) : null;
        }
        """,
        runtime: false);
}
