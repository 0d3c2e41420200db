using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;

namespace LazyMigrate.CodeFixes.Tests.Rules;

/// <summary>LZM0001's fix on static initializers that reach heavy work through the project's own methods.</summary>
public class LZM0001ReachTests
{
    [Fact]
    public Task Field_built_by_a_private_method_becomes_a_lazy_value() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using Microsoft.EntityFrameworkCore;

        namespace Photos;

        public sealed class PhotoDb : DbContext
        {
            public PhotoDb(DbContextOptions options) : base(options) { }
        }

        public static class Catalog
        {
            public const int PageSize = 20;

            // Opened once, seeded on first run.
            private static readonly PhotoDb Db = {|LZM0001:Open()|};

            public static int Save() => Db.SaveChanges();

            private static PhotoDb Open()
            {
                var options = new DbContextOptionsBuilder().UseSqlite("Data Source=photos.db");
                var db = new PhotoDb(new DbContextOptions());
                db.SaveChanges();
                return db;
            }
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.EntityFrameworkCore;

        namespace Photos;

        public sealed class PhotoDb : DbContext
        {
            public PhotoDb(DbContextOptions options) : base(options) { }
        }

        public static class Catalog
        {
            public const int PageSize = 20;

            // Opened once, seeded on first run.
            private static PhotoDb Db => DbHolder.Value ?? s_db.Get<PhotoDb>();

            private static readonly LazyValue s_db = new LazyValue("Microsoft.EntityFrameworkCore", CreateDb);

            [LazyValueHolder]
            private static class DbHolder
            {
                // Initialized on the first read of Db; from then on the JIT reads it as a constant.
                public static readonly PhotoDb? Value = s_db.GetOrDefault<PhotoDb>();
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateDb() => Open();

            public static int Save() => Db.SaveChanges();

            private static PhotoDb Open()
            {
                var options = new DbContextOptionsBuilder().UseSqlite("Data Source=photos.db");
                var db = new PhotoDb(new DbContextOptions());
                db.SaveChanges();
                return db;
            }
        }
        """,
        runtime: true);

    [Fact]
    public Task Static_constructor_value_built_by_its_own_local_function_no_fix() => Verify<LZM0001LazyStaticMemberFixer>.NoFixAsync(
        """
        using Microsoft.EntityFrameworkCore;

        public sealed class PhotoDb : DbContext
        {
        }

        public static class Catalog
        {
            private static readonly PhotoDb Db;

            static Catalog()
            {
                Db = {|LZM0001:Make()|};

                static PhotoDb Make() => new PhotoDb();
            }

            public static int Save() => Db.SaveChanges();
        }
        """,
        runtime: true);
}
