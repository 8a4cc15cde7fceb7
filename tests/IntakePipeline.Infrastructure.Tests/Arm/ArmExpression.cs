using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace IntakePipeline.Infrastructure.Tests.Arm;

/// <summary>
/// One parsed ARM template language expression (the text between <c>[</c> and <c>]</c>): string and integer literals,
/// function calls, <c>.property</c> and <c>[index]</c> access. That is the whole grammar Bicep compiles to.
/// </summary>
internal abstract record ArmExpression
{
    /// <summary>Parses an expression, e.g. <c>format('{0}-poison', parameters('eventsQueueName'))</c>.</summary>
    /// <exception cref="FormatException">The text is not an expression.</exception>
    public static ArmExpression Parse(string text)
    {
        var parser = new Parser(text);
        var expression = parser.ParseExpression();
        parser.SkipSpace();
        return parser.AtEnd ? expression : throw parser.Error("unexpected text");
    }

    /// <summary>A string, integer or boolean literal.</summary>
    public sealed record Literal(JsonNode? Value) : ArmExpression;

    /// <summary>A function call such as <c>concat(a, b)</c>.</summary>
    public sealed record Call(string Function, IReadOnlyList<ArmExpression> Arguments) : ArmExpression;

    /// <summary><c>target.name</c>.</summary>
    public sealed record Member(ArmExpression Target, string Name) : ArmExpression;

    /// <summary><c>target[index]</c>.</summary>
    public sealed record Index(ArmExpression Target, ArmExpression Key) : ArmExpression;

    private sealed class Parser(string text)
    {
        private int _at;

        public bool AtEnd => _at >= text.Length;

        public ArmExpression ParseExpression()
        {
            SkipSpace();
            var expression = ParsePrimary();
            while (true)
            {
                SkipSpace();
                if (Peek('.'))
                {
                    _at++;
                    expression = new Member(expression, ParseIdentifier());
                }
                else if (Peek('['))
                {
                    _at++;
                    var key = ParseExpression();
                    Expect(']');
                    expression = new Index(expression, key);
                }
                else
                {
                    return expression;
                }
            }
        }

        public void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }
        }

        public FormatException Error(string what) => new($"{what} at {_at} in ARM expression: {text}");

        private ArmExpression ParsePrimary()
        {
            if (Peek('\''))
            {
                return new Literal(ParseString());
            }

            if (!AtEnd && (char.IsAsciiDigit(text[_at]) || text[_at] == '-'))
            {
                var start = _at++;
                while (!AtEnd && char.IsAsciiDigit(text[_at]))
                {
                    _at++;
                }

                return new Literal(long.Parse(text.AsSpan(start, _at - start), CultureInfo.InvariantCulture));
            }

            var name = ParseIdentifier();
            SkipSpace();
            Expect('(');
            var arguments = new List<ArmExpression>();
            SkipSpace();
            if (!Peek(')'))
            {
                do
                {
                    arguments.Add(ParseExpression());
                    SkipSpace();
                }
                while (TryTake(','));
            }

            Expect(')');
            return new Call(name, arguments);
        }

        private string ParseString()
        {
            Expect('\'');
            var value = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw Error("unterminated string");
                }

                var c = text[_at++];
                if (c != '\'')
                {
                    value.Append(c);
                }
                else if (Peek('\''))
                {
                    // '' is a quote inside a string.
                    value.Append('\'');
                    _at++;
                }
                else
                {
                    return value.ToString();
                }
            }
        }

        private string ParseIdentifier()
        {
            var start = _at;
            while (!AtEnd && (char.IsLetterOrDigit(text[_at]) || text[_at] is '_' or '$' or '#'))
            {
                _at++;
            }

            return _at > start ? text[start.._at] : throw Error("expected a name");
        }

        private bool Peek(char c) => !AtEnd && text[_at] == c;

        private bool TryTake(char c)
        {
            if (!Peek(c))
            {
                return false;
            }

            _at++;
            return true;
        }

        private void Expect(char c)
        {
            if (!TryTake(c))
            {
                throw Error($"expected '{c}'");
            }
        }
    }
}
