using System.CommandLine;
using System.CommandLine.Parsing;

namespace IntakePipeline.Host.Cli;

/// <summary>
/// Says in Chinese what is wrong with a command line. The options' own parsers and validators already write Chinese;
/// the errors that System.CommandLine makes itself (a missing option, argument or value, an option given twice, an
/// unknown word, a missing subcommand) are recognised by their place in the parse result, not by their English text.
/// </summary>
internal static class CommandLineErrors
{
    /// <summary>One line per error, in the order of <see cref="ParseResult.Errors"/>.</summary>
    public static IEnumerable<string> Describe(ParseResult parseResult)
    {
        var unmatched = new Queue<string>(parseResult.UnmatchedTokens);
        foreach (var error in parseResult.Errors)
        {
            yield return error.SymbolResult switch
            {
                OptionResult { IdentifierToken: null } option => $"缺少必需的选项 {option.Option.Name}：{option.Option.Description}",
                OptionResult { Tokens.Count: 0 } option => $"{option.IdentifierToken.Value} 后面缺少取值：{option.Option.Description}",
                OptionResult { Tokens.Count: > 1 } option =>
                    $"{option.Option.Name} 只能给一个值，这里给了 {option.Tokens.Count} 个（{string.Join("、", option.Tokens.Select(t => t.Value))}）。",
                ArgumentResult { Tokens.Count: 0 } argument => $"缺少 <{argument.Argument.Name}>：{argument.Argument.Description}",
                // The library reports each unmatched token, in order, quoted in its message (in every language it has).
                CommandResult { Command: var command } when unmatched.TryPeek(out var token) && error.Message.Contains($"'{token}'", StringComparison.Ordinal) =>
                    $"无法识别“{unmatched.Dequeue()}”：它不是 {CommandPath(command)} 的{(command.Subcommands.Count > 0 ? "子命令、" : string.Empty)}选项或参数。",
                CommandResult { Command: { Action: null, Subcommands.Count: > 0 } command } =>
                    $"{CommandPath(command)} 后面需要一个子命令：{string.Join("、", command.Subcommands.Select(c => c.Name))}。",
                _ => error.Message,
            };
        }
    }

    /// <summary>The last line after the errors: where the usage of the command that was meant is.</summary>
    public static string HelpHint(ParseResult parseResult) => $"用 `{CommandPath(parseResult.CommandResult.Command)} --help` 查看用法。";

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command current; symbol = current.Parents.FirstOrDefault())
        {
            names.Insert(0, current.Parents.Any() ? current.Name : "intake");
        }

        return string.Join(' ', names);
    }
}
