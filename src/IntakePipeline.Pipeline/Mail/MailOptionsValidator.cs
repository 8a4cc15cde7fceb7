using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline.Mail;

/// <summary>Validates the mail sections on start, failing with every problem, each naming its key and value.</summary>
internal sealed class MailOptionsValidator : IValidateOptions<SmtpOptions>, IValidateOptions<MailOptions>, IValidateOptions<RecipientsOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options) => Result(options.Validate());

    public ValidateOptionsResult Validate(string? name, MailOptions options) => Result(options.Validate());

    public ValidateOptionsResult Validate(string? name, RecipientsOptions options) => Result(options.Validate());

    private static ValidateOptionsResult Result(IReadOnlyList<string> problems) =>
        problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
}
