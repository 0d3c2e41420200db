using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace OuterFixApp;

/// <summary>
/// Keeps one notes context for its lifetime, made when the host creates the service: the field initializer is
/// LZM0002 (with a fix), the factory's work behind it LZM0008 (without one).
/// </summary>
public sealed class NotesService : IHostedService
{
    private readonly string _name = "notes";
    private readonly NotesDb _db = NotesDbFactory.Create();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public string Describe() => _name + ": " + string.Join(", ", _db.Notes.OrderBy(n => n.Id).Select(n => n.Text).ToList());
}
