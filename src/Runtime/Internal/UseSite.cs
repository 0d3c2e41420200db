using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;

namespace LazyMigrate.Internal;

/// <summary>
/// What started a load or build: background loading, eager mode, or a first access at a user frame.
/// A frame is kept as method and IL offset; its file and line are read from the symbols only when the
/// text is first asked for (an error message, the status), never on the access itself.
/// </summary>
internal sealed class UseSite
{
    public const string BackgroundKind = "background";
    public const string EagerKind = "eager";
    public const string FirstAccessKind = "first-access";

    public static readonly UseSite Background = new(BackgroundKind);
    public static readonly UseSite Eager = new(EagerKind);

    private readonly string _name;
    private readonly MethodBase? _method;
    private readonly int _ilOffset;
    private string? _text;

    private UseSite(string kind)
    {
        Kind = kind;
        _name = kind;
        _text = kind;
    }

    public UseSite(string name, MethodBase method, int ilOffset)
    {
        Kind = FirstAccessKind;
        _name = name;
        _method = method;
        _ilOffset = ilOffset;
    }

    /// <summary><see cref="BackgroundKind"/>, <see cref="EagerKind"/> or <see cref="FirstAccessKind"/> (a bounded set, for metric tags).</summary>
    public string Kind { get; }

    /// <summary>"background", "eager", or <c>Type.Method in file:line</c> (just <c>Type.Method</c> without symbols).</summary>
    public override string ToString()
    {
        var text = Volatile.Read(ref _text);
        if (text is null)
        {
            text = Resolve();
            Volatile.Write(ref _text, text);
        }

        return text;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private string Resolve()
    {
        var line = SourceLines.Find(_method!, _ilOffset);
        return line is { } found ? $"{_name} in {found.File}:{found.Line}" : _name;
    }
}
