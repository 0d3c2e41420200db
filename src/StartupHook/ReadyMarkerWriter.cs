using System;
using System.IO;
using System.Text;

namespace LazyMigrate.StartupHook;

/// <summary>
/// Wraps the app's <see cref="Console.Out"/>: forwards every write unchanged and reports the first complete
/// line that contains the ready marker. After that it only forwards.
/// </summary>
internal sealed class ReadyMarkerWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly string _marker;
    private readonly Action _onReady;
    private readonly StringBuilder _line = new();
    private bool _done;

    public ReadyMarkerWriter(TextWriter inner, string marker, Action onReady)
        : base(inner.FormatProvider)
    {
        _inner = inner;
        _marker = marker;
        _onReady = onReady;
    }

    public override Encoding Encoding => _inner.Encoding;

    public override string NewLine
    {
        get => _inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine setter accepts null (resets to the default).
        set => _inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value)
    {
        _inner.Write(value);
        if (!_done)
        {
            Observe(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        _inner.Write(buffer, index, count);
        if (!_done)
        {
            Observe(new ReadOnlySpan<char>(buffer, index, count));
        }
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        _inner.Write(buffer);
        if (!_done)
        {
            Observe(buffer);
        }
    }

    public override void Write(string? value)
    {
        _inner.Write(value);
        if (!_done && value is not null)
        {
            Observe(value.AsSpan());
        }
    }

    public override void WriteLine()
    {
        _inner.WriteLine();
        if (!_done)
        {
            EndLine();
        }
    }

    public override void WriteLine(string? value)
    {
        _inner.WriteLine(value);
        if (!_done)
        {
            if (value is not null)
            {
                _line.Append(value);
            }

            EndLine();
        }
    }

    public override void WriteLine(ReadOnlySpan<char> buffer)
    {
        _inner.WriteLine(buffer);
        if (!_done)
        {
            _line.Append(buffer);
            EndLine();
        }
    }

    public override void Flush() => _inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Observe(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            Observe(c);
        }
    }

    private void Observe(char c)
    {
        if (c == '\n')
        {
            EndLine();
        }
        else if (c != '\r')
        {
            _line.Append(c);
        }
    }

    private void EndLine()
    {
        // The line was already forwarded, so whoever reads stdout sees the marker before the profile is written.
        var found = _line.ToString().Contains(_marker, StringComparison.Ordinal);
        _line.Clear();
        if (found)
        {
            _done = true;
            _onReady();
        }
    }
}
