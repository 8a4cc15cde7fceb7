using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace IntakePipeline.Pipeline.Mail;

/// <summary>
/// Where one run of <see cref="SendAlertsHandler"/> delivers messages: over SMTP with MailKit when
/// <see cref="SmtpOptions.Host"/> is set, on one connection that is opened on the first send (STARTTLS and
/// authentication as configured) and opened again after a failure dropped it; otherwise as <c>{Message-ID}.eml</c>
/// files in <see cref="SmtpOptions.PickupDirectory"/>.
/// </summary>
internal sealed class MailDelivery : IAsyncDisposable
{
    private readonly SmtpOptions _options;
    private readonly SmtpClient? _client;
    private readonly string _folder = string.Empty;

    /// <summary>Prepares delivery; for the pickup folder, creates it.</summary>
    /// <exception cref="IOException">The pickup folder cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The pickup folder cannot be created.</exception>
    public MailDelivery(SmtpOptions options)
    {
        _options = options;
        if (options.UsesNetwork)
        {
            _client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        }
        else
        {
            _folder = Path.GetFullPath(options.PickupDirectory);
            Directory.CreateDirectory(_folder);
        }
    }

    /// <summary>Delivers one message; returns when the server accepted it or the file is in place.</summary>
    /// <exception cref="SmtpCommandException">The server refused the message, the sender or the recipient.</exception>
    /// <exception cref="AuthenticationException">The server refused the credentials.</exception>
    /// <exception cref="IOException">The connection failed.</exception>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (_client is null)
        {
            await WriteToPickupAsync(message, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!_client.IsConnected)
        {
            var security = _options.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
            await _client.ConnectAsync(_options.Host!, _options.Port, security, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                // SmtpOptions.Validate requires the password with the user name.
                await _client.AuthenticateAsync(_options.UserName, _options.Password!, cancellationToken).ConfigureAwait(false);
            }
        }

        await _client.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_client is null)
        {
            return;
        }

        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(quit: true).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (SmtpFailures.Classify(e) is not null)
        {
            // Every message of the run is settled; a QUIT the server does not answer changes nothing.
        }
        finally
        {
            _client.Dispose();
        }
    }

    private async Task WriteToPickupAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        // Named after the stable Message-ID, so a re-send after a crash replaces the file instead of adding a copy;
        // written aside and moved in, so a program watching the folder never reads half a message.
        var id = message.MessageId ?? throw new ArgumentException("The message has no Message-ID.", nameof(message));
        var path = Path.Combine(_folder, id.Split('@')[0] + ".eml");
        var partial = path + ".partial";
        await message.WriteToAsync(partial, cancellationToken).ConfigureAwait(false);
        File.Move(partial, path, overwrite: true);
    }
}
