using System.Globalization;
using System.Text;

namespace Car.VehicleBus.Can.Dbc;

/// <summary>A cursor over DBC text: words, numbers, quoted strings and punctuation, with the line for error messages.</summary>
internal sealed class DbcReader(string text)
{
    private int _position;

    public int Line { get; private set; } = 1;

    public bool AtEnd
    {
        get
        {
            SkipSpace();
            return _position >= text.Length;
        }
    }

    /// <summary>Skips spaces and tabs, and line breaks too unless <paramref name="stayOnLine"/>.</summary>
    public void SkipSpace(bool stayOnLine = false)
    {
        while (_position < text.Length)
        {
            var c = text[_position];
            if (c == '\n')
            {
                if (stayOnLine)
                {
                    return;
                }

                Line++;
            }
            else if (!char.IsWhiteSpace(c))
            {
                return;
            }

            _position++;
        }
    }

    public bool AtEndOfLine()
    {
        SkipSpace(stayOnLine: true);
        return _position >= text.Length || text[_position] == '\n';
    }

    public char Peek()
    {
        SkipSpace();
        return _position < text.Length ? text[_position] : '\0';
    }

    /// <summary>Whether the next character (after spaces) is <paramref name="c"/>; consumes it if so.</summary>
    public bool TryConsume(char c, bool stayOnLine = false)
    {
        SkipSpace(stayOnLine);
        if (_position < text.Length && text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    /// <summary>The next character, whatever it is (after spaces).</summary>
    public char ReadChar()
    {
        SkipSpace();
        return _position < text.Length ? text[_position++] : throw Error("the file ends too early");
    }

    public void Expect(char c)
    {
        if (!TryConsume(c))
        {
            throw Error($"expected '{c}' but found {Describe()}");
        }
    }

    /// <summary>A C identifier or keyword (letters, digits, underscores).</summary>
    public string ReadWord()
    {
        SkipSpace();
        var start = _position;
        while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] == '_'))
        {
            _position++;
        }

        return _position > start ? text[start.._position] : throw Error($"expected a name but found {Describe()}");
    }

    /// <summary>The next word, without consuming it; empty when the next thing is no word.</summary>
    public string PeekWord()
    {
        var (position, line) = (_position, Line);
        var found = TryReadWord(out var word);
        (_position, Line) = (position, line);
        return found ? word : string.Empty;
    }

    public bool TryReadWord(out string word)
    {
        SkipSpace();
        if (_position < text.Length && (char.IsAsciiLetter(text[_position]) || text[_position] == '_'))
        {
            word = ReadWord();
            return true;
        }

        word = string.Empty;
        return false;
    }

    public double ReadNumber()
    {
        var token = ReadNumberToken();
        return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error($"'{token}' is not a number");
    }

    public long ReadInteger()
    {
        var token = ReadNumberToken();
        return long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error($"'{token}' is not a whole number");
    }

    public bool NextIsNumber()
    {
        SkipSpace();
        return _position < text.Length && (char.IsAsciiDigit(text[_position]) || text[_position] is '-' or '+');
    }

    /// <summary>A double-quoted string; <c>\"</c> and <c>\\</c> stand for themselves.</summary>
    public string ReadString()
    {
        Expect('"');
        var builder = new StringBuilder();
        while (_position < text.Length && text[_position] != '"')
        {
            var c = text[_position++];
            if (c == '\\' && _position < text.Length && text[_position] is '"' or '\\')
            {
                c = text[_position++];
            }
            else if (c == '\n')
            {
                Line++;
            }

            builder.Append(c);
        }

        if (_position >= text.Length)
        {
            throw Error("a string is not closed");
        }

        _position++;
        return builder.ToString();
    }

    /// <summary>The rest of the current line, trimmed.</summary>
    public string ReadRestOfLine()
    {
        var start = _position;
        while (_position < text.Length && text[_position] != '\n')
        {
            _position++;
        }

        return text[start.._position].Trim();
    }

    /// <summary>Skips to just past the next <c>;</c> outside a string.</summary>
    public void SkipStatement()
    {
        while (_position < text.Length)
        {
            var c = text[_position];
            if (c == '"')
            {
                ReadString();
                continue;
            }

            _position++;
            if (c == '\n')
            {
                Line++;
            }
            else if (c == ';')
            {
                return;
            }
        }
    }

    /// <summary>Skips the indented lines that follow (the body of <c>NS_ :</c>).</summary>
    public void SkipIndentedLines()
    {
        ReadRestOfLine();
        while (_position < text.Length && text[_position] == '\n')
        {
            var next = _position + 1;
            if (next < text.Length && text[next] is ' ' or '\t' or '\r' or '\n')
            {
                _position = next;
                Line++;
                ReadRestOfLine();
            }
            else
            {
                return;
            }
        }
    }

    public DbcFormatException Error(string message) => new(message, Line);

    private string ReadNumberToken()
    {
        SkipSpace();
        var start = _position;
        while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] is '-' or '+' or '.'))
        {
            _position++;
        }

        return _position > start ? text[start.._position] : throw Error($"expected a number but found {Describe()}");
    }

    private string Describe()
    {
        SkipSpace();
        return _position < text.Length ? $"'{text[_position..Math.Min(text.Length, _position + 20)].Split('\n')[0]}'" : "the end of the file";
    }
}
