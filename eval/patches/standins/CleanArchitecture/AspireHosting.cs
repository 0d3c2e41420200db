// Eval stand-in, copied into src/AppHost and tests/TestAppHost by eval/patches/CleanArchitecture.sh: the
// Aspire hosting integrations the app hosts use (Aspire.Hosting.Azure.AppContainers, Aspire.Hosting.JavaScript,
// CommunityToolkit.Aspire.Hosting.SQLite) are not served by the package mirror the evaluation runs against.
// This declares the calls the app hosts make, with the same names and shapes, as plain resources of
// Aspire.Hosting.AppHost (served), so the app hosts' own code compiles unchanged.
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.ApplicationModel
{
    internal sealed class SqliteResource(string name) : Resource(name), IResourceWithConnectionString
    {
        public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"Data Source={Name}.db");
    }

    internal sealed class AzureContainerAppEnvironmentResource(string name) : Resource(name);

    internal sealed class JavaScriptAppResource(string name, string workingDirectory)
        : ExecutableResource(name, "npm", workingDirectory);
}

namespace Aspire.Hosting
{
    internal static class EvalAspireHostingExtensions
    {
        public static IResourceBuilder<SqliteResource> AddSqlite(this IDistributedApplicationBuilder builder, string name) =>
            builder.AddResource(new SqliteResource(name));

        public static IResourceBuilder<AzureContainerAppEnvironmentResource> AddAzureContainerAppEnvironment(this IDistributedApplicationBuilder builder, string name) =>
            builder.AddResource(new AzureContainerAppEnvironmentResource(name));

        public static IResourceBuilder<JavaScriptAppResource> AddJavaScriptApp(this IDistributedApplicationBuilder builder, string name, string appDirectory) =>
            builder.AddResource(new JavaScriptAppResource(name, appDirectory));

        public static IResourceBuilder<JavaScriptAppResource> WithRunScript(this IResourceBuilder<JavaScriptAppResource> builder, string scriptName) =>
            builder.WithArgs("run", scriptName);
    }
}
