using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.CodeFixes.Tests.Rules;

/// <summary>LZM0005's output reads like the file's own code: names from the code, the file's layout kept.</summary>
public class LZM0005StyleTests
{
    [Fact]
    public Task Two_statements_naming_one_type_get_names_from_their_calls_and_a_one_line_Program_part_stays() => Verify<LZM0005ExtractHeavyReferenceFixer>.FixAsync(
        """
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;

        var services = (IServiceCollection)null!;
        services.AddDbContext<{|LZM0005:DbContext|}>(options =>
        {
            options.UseSqlite("Data Source=app.db");
        });
        Console.WriteLine(typeof({|LZM0005:DbContext|}).Name);

        public partial class Program { }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;

        var services = (IServiceCollection)null!;
        UseDbContext(services);
        WriteDbContext();

        public partial class Program { }

        partial class Program
        {
            [MethodImpl(MethodImplOptions.NoInlining)]
            private static void UseDbContext(IServiceCollection services)
            {
                services.AddDbContext<DbContext>(options =>
                {
                    options.UseSqlite("Data Source=app.db");
                });
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static void WriteDbContext()
            {
                Console.WriteLine(typeof(DbContext).Name);
            }
        }
        """,
        runtime: false,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task A_lambda_moved_from_a_method_is_indented_like_the_file() => Verify<LZM0005ExtractHeavyReferenceFixer>.FixAsync(
        """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
          public static void Main()
          {
            var services = (IServiceCollection)null!;
            services.AddDbContext<{|LZM0005:DbContext|}>(options =>
              {
                options.UseSqlite("Data Source=app.db");
              });
          }
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;

        public static class Program
        {
          public static void Main()
          {
            var services = (IServiceCollection)null!;
            UseDbContext(services);
          }

          [MethodImpl(MethodImplOptions.NoInlining)]
          private static void UseDbContext(IServiceCollection services)
          {
            services.AddDbContext<DbContext>(options =>
              {
                options.UseSqlite("Data Source=app.db");
              });
          }
        }
        """,
        runtime: false,
        OutputKind.ConsoleApplication,
        analyzerConfig: """
            indent_size = 2
            indent_style = space
            """);
}
