namespace IntakePipeline.Pipeline.Mail;

/// <summary>
/// How mail leaves the outbox, bound to the configuration section <c>Smtp</c>. With no <see cref="Host"/>, messages are
/// written as <c>.eml</c> files into <see cref="PickupDirectory"/>, so a local run needs no mail server; with a host they
/// are sent over SMTP (MailKit).
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Smtp";

    /// <summary>The default SMTP port.</summary>
    public const int DefaultPort = 25;

    /// <summary>The default sender address.</summary>
    public const string DefaultFrom = "intake@localhost";

    /// <summary>The default sender display name.</summary>
    public const string DefaultFromName = "新型城镇化数据平台";

    /// <summary>The default pickup folder, relative to the current directory.</summary>
    public const string DefaultPickupDirectory = ".intake/mail";

    /// <summary>The default timeout of one SMTP send.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The SMTP server's host name; empty (the default) writes into <see cref="PickupDirectory"/> instead.</summary>
    public string? Host { get; set; }

    /// <summary>The SMTP port. Default <see cref="DefaultPort"/>.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>
    /// Whether to upgrade the connection with STARTTLS before anything else is sent; the server must offer it and present
    /// a certificate this machine trusts. Off, the connection stays plain. Default <see langword="false"/>.
    /// </summary>
    public bool StartTls { get; set; }

    /// <summary>The user name for SMTP authentication; empty sends without authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>The password for SMTP authentication; from configuration or Key Vault, never from the repository.</summary>
    public string? Password { get; set; }

    /// <summary>The sender address. Default <see cref="DefaultFrom"/>.</summary>
    public string From { get; set; } = DefaultFrom;

    /// <summary>The sender's display name. Default <see cref="DefaultFromName"/>.</summary>
    public string FromName { get; set; } = DefaultFromName;

    /// <summary>The folder for <c>.eml</c> files when <see cref="Host"/> is empty. Default <see cref="DefaultPickupDirectory"/>.</summary>
    public string PickupDirectory { get; set; } = DefaultPickupDirectory;

    /// <summary>The timeout of one send. Default <see cref="DefaultTimeout"/>.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Whether mail goes over the network (a <see cref="Host"/> is set) rather than into the pickup folder.</summary>
    public bool UsesNetwork => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The problems with these values, in English for operators; empty when they are usable.</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Port is < 1 or > 65535)
        {
            problems.Add($"Smtp:Port must be 1–65535, not {Port}.");
        }

        if (!RecipientAddresses.IsValid(From))
        {
            problems.Add($"Smtp:From '{From}' is not a valid email address.");
        }

        if (Timeout <= TimeSpan.Zero || Timeout.TotalMilliseconds > int.MaxValue)
        {
            problems.Add($"Smtp:Timeout must be positive, not {Timeout}.");
        }

        if (!UsesNetwork && string.IsNullOrWhiteSpace(PickupDirectory))
        {
            problems.Add("Smtp:PickupDirectory must be set when Smtp:Host is empty.");
        }

        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
        {
            problems.Add("Smtp:UserName and Smtp:Password must be set together.");
        }

        return problems;
    }
}
