using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;

namespace LazyMigrate.CodeFixes.Tests.Rules;

public class LZM0003Tests
{
    [Fact]
    public Task All_registration_forms_in_one_member_become_factories() => Verify<LZM0003FactoryRegistrationFixer>.FixAsync(
        """
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.DependencyInjection.Extensions;
        using Microsoft.ML.OnnxRuntime;

        public static class Registration
        {
            public static void Register(IServiceCollection services, string path)
            {
                // plain: service type inferred as InferenceSession
                services.AddSingleton({|LZM0003:new InferenceSession(path)|});
                services.AddSingleton<IModel>({|LZM0003:new OnnxModel("m")|}); // explicit service type kept
                services.TryAddSingleton({|LZM0003:new SessionOptions()|});
                services.AddKeyedSingleton<IModel>("k", {|LZM0003:new OnnxModel("k")|});
                services.TryAddKeyedSingleton("opts", {|LZM0003:SessionOptions.MakeSessionOptionWithCudaProvider()|});
                services.AddSingleton(typeof(IModel), {|LZM0003:new OnnxModel("t")|});
            }
        }
        """,
        """
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.DependencyInjection.Extensions;
        using Microsoft.ML.OnnxRuntime;

        public static class Registration
        {
            public static void Register(IServiceCollection services, string path)
            {
                // plain: service type inferred as InferenceSession
                services.AddSingleton(sp => new InferenceSession(path));
                services.AddSingleton<IModel>(sp => new OnnxModel("m")); // explicit service type kept
                services.TryAddSingleton(sp => new SessionOptions());
                services.AddKeyedSingleton<IModel>("k", (sp, key) => new OnnxModel("k"));
                services.TryAddKeyedSingleton("opts", (sp, key) => SessionOptions.MakeSessionOptionWithCudaProvider());
                services.AddSingleton(typeof(IModel), sp => new OnnxModel("t"));
            }
        }
        """,
        runtime: false);

    [Fact]
    public Task Lambda_parameter_names_avoid_captured_names() => Verify<LZM0003FactoryRegistrationFixer>.FixAsync(
        """
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.ML.OnnxRuntime;

        public static class Registration
        {
            public static void Register(IServiceCollection services, string sp)
            {
                services.AddSingleton({|LZM0003:new InferenceSession(sp)|});
            }
        }
        """,
        """
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.ML.OnnxRuntime;

        public static class Registration
        {
            public static void Register(IServiceCollection services, string sp)
            {
                services.AddSingleton(provider => new InferenceSession(sp));
            }
        }
        """,
        runtime: true);

    [Fact]
    public Task Captured_variable_assigned_later_no_fix() => Verify<LZM0003FactoryRegistrationFixer>.NoFixAsync(
        """
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.ML.OnnxRuntime;

        public static class Registration
        {
            public static void Register(IServiceCollection services)
            {
                var path = "a.onnx";
                services.AddSingleton({|LZM0003:new InferenceSession(path)|});
                path = "b.onnx";
                services.AddSingleton(path);
            }
        }
        """,
        runtime: false);

    [Fact]
    public Task Local_instance_no_fix() => Verify<LZM0003FactoryRegistrationFixer>.NoFixAsync(
        """
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.ML.OnnxRuntime;

        public static class Registration
        {
            public static void Register(IServiceCollection services)
            {
                var options = new SessionOptions();
                options.LogVerbosityLevel = 2;
                services.AddSingleton({|LZM0003:options|});
            }
        }
        """,
        runtime: false);
}
