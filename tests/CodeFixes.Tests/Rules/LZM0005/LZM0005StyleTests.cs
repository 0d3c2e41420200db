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

        Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
        Console.WriteLine(typeof({|LZM0005:DbContext|}).Name);
        Console.WriteLine("between");
        Console.WriteLine(typeof({|LZM0005:DbContext|}).FullName);

        public partial class Program { }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using Microsoft.EntityFrameworkCore;

        Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
        UseDbContext();
        Console.WriteLine("between");
        WriteDbContext();

        public partial class Program { }

        partial class Program
        {
            [MethodImpl(MethodImplOptions.NoInlining)]
            private static void UseDbContext()
            {
                Console.WriteLine(typeof(DbContext).Name);
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static void WriteDbContext()
            {
                Console.WriteLine(typeof(DbContext).FullName);
            }
        }
        """,
        runtime: false,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task A_lambda_moved_from_a_method_is_indented_like_the_file() => Verify<LZM0005ExtractHeavyReferenceFixer>.FixAsync(
        """
        using System;
        using Microsoft.EntityFrameworkCore;

        public static class Program
        {
          public static void Main()
          {
            Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
            Action<{|LZM0005:DbContextOptionsBuilder|}> configure = options =>
              {
                options.UseSqlite("Data Source=app.db");
              };
            configure(new {|LZM0005:DbContextOptionsBuilder|}());
          }
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using Microsoft.EntityFrameworkCore;

        public static class Program
        {
          public static void Main()
          {
            Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
            UseDbContextOptionsBuilder();
          }

          [MethodImpl(MethodImplOptions.NoInlining)]
          private static void UseDbContextOptionsBuilder()
          {
            Action<DbContextOptionsBuilder> configure = options =>
              {
                options.UseSqlite("Data Source=app.db");
              };
            configure(new DbContextOptionsBuilder());
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
