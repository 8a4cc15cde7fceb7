using System.Text;

namespace IntakePipeline.Core.Alerts.Internals;

/// <summary>
/// Writes one email's HTML and plain-text parts side by side, so that both carry the same facts. Every block takes
/// plain text whose submitted parts already went through <see cref="MailText.Plain"/>; the HTML part escapes it. The
/// HTML is a fixed-width table layout with inline styles only (no CSS block, SVG, script or image), which Outlook's
/// Word engine and webmail render alike.
/// </summary>
internal sealed class MailDocument
{
    /// <summary>The font stack for Chinese text on Windows, macOS and Linux.</summary>
    public const string FontFamily = "'Microsoft YaHei','PingFang SC','Hiragino Sans GB','Noto Sans CJK SC',SimSun,sans-serif";

    /// <summary>The style of a bordered table cell.</summary>
    public const string CellStyle = "padding:4px 6px;border:1px solid #dddddd;vertical-align:top;";

    /// <summary>The style of a bordered header cell.</summary>
    public const string HeaderStyle = "padding:4px 6px;border:1px solid #dddddd;background-color:#f2f2f2;font-weight:bold;text-align:left;vertical-align:top;white-space:nowrap;";

    private readonly StringBuilder _html = new(16 * 1024);
    private readonly StringBuilder _text = new(4 * 1024);

    /// <summary>Starts a document whose banner shows <paramref name="heading"/> on <paramref name="accent"/>.</summary>
    public MailDocument(string subject, string heading, string accent)
    {
        _html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Append(MailText.Html(subject)).Append("</title></head>\n")
            .Append("<body style=\"margin:0;padding:0;background-color:#f4f4f4;\">\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" bgcolor=\"#f4f4f4\" style=\"background-color:#f4f4f4;\"><tr><td align=\"center\" style=\"padding:16px 8px;\">\n")
            .Append("<table role=\"presentation\" width=\"680\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" bgcolor=\"#ffffff\" style=\"width:680px;max-width:100%;background-color:#ffffff;border:1px solid #dddddd;font-family:")
            .Append(FontFamily).Append(";font-size:14px;line-height:1.6;color:#222222;\">\n")
            .Append("<tr><td bgcolor=\"").Append(accent).Append("\" style=\"background-color:").Append(accent)
            .Append(";color:#ffffff;padding:12px 20px;font-size:18px;font-weight:bold;\">").Append(MailText.Html(heading))
            .Append("</td></tr>\n<tr><td style=\"padding:12px 20px 16px 20px;\">\n");
        _text.Append(heading).Append("\n\n");
    }

    /// <summary>The HTML written so far, for blocks that draw their own markup (the trajectory picture).</summary>
    public StringBuilder Html => _html;

    /// <summary>The plain text written so far, for blocks that write their own lines.</summary>
    public StringBuilder Text => _text;

    /// <summary>A section heading.</summary>
    public void Section(string title)
    {
        _html.Append("<h3 style=\"margin:18px 0 6px 0;font-size:15px;color:#333333;border-bottom:2px solid #eeeeee;padding-bottom:2px;\">")
            .Append(MailText.Html(title)).Append("</h3>\n");
        _text.Append("【").Append(title).Append("】\n");
    }

    /// <summary>A paragraph.</summary>
    public void Paragraph(string text)
    {
        _html.Append("<p style=\"margin:6px 0;\">").Append(MailText.Html(text)).Append("</p>\n");
        _text.Append(text).Append("\n\n");
    }

    /// <summary>A paragraph in a coloured box, for what must not be missed (a partial roll-up, a capped list).</summary>
    public void Callout(string text, string color)
    {
        _html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"margin:8px 0;\"><tr><td style=\"border-left:4px solid ")
            .Append(color).Append(";background-color:#fff8e1;padding:6px 10px;\">").Append(MailText.Html(text)).Append("</td></tr></table>\n");
        _text.Append("※ ").Append(text).Append("\n\n");
    }

    /// <summary>A command line to copy, in a monospace box.</summary>
    public void Command(string command)
    {
        _html.Append("<p style=\"margin:6px 0;\"><code style=\"font-family:Consolas,'Courier New',monospace;background-color:#f2f2f2;padding:2px 6px;border:1px solid #e0e0e0;\">")
            .Append(MailText.Html(command)).Append("</code></p>\n");
        _text.Append("    ").Append(command).Append("\n\n");
    }

    /// <summary>A link on a line of its own: a clickable anchor in HTML, the bare URL in the text part.</summary>
    public void Link(Uri uri)
    {
        var url = uri.AbsoluteUri;
        _html.Append("<p style=\"margin:6px 0;word-break:break-all;\"><a href=\"").Append(MailText.Html(url)).Append("\">")
            .Append(MailText.Html(url)).Append("</a></p>\n");
        _text.Append(url).Append("\n\n");
    }

    /// <summary>Numbered steps.</summary>
    public void Steps(IReadOnlyList<string> steps)
    {
        _html.Append("<ol style=\"margin:6px 0 6px 20px;padding:0;\">");
        for (var i = 0; i < steps.Count; i++)
        {
            _html.Append("<li style=\"margin:3px 0;\">").Append(MailText.Html(steps[i])).Append("</li>");
            _text.Append(i + 1).Append(". ").Append(steps[i]).Append('\n');
        }

        _html.Append("</ol>\n");
        _text.Append('\n');
    }

    /// <summary>Label/value rows; in the text part one <c>label：value</c> line each.</summary>
    public void Facts(IReadOnlyList<KeyValuePair<string, string>> facts)
    {
        _html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border-collapse:collapse;margin:8px 0;\">\n");
        foreach (var (label, value) in facts)
        {
            _html.Append("<tr><th align=\"left\" width=\"110\" style=\"").Append(HeaderStyle).Append("width:110px;font-weight:normal;color:#555555;\">")
                .Append(MailText.Html(label)).Append("</th><td style=\"").Append(CellStyle).Append("\">")
                .Append(MailText.Html(value)).Append("</td></tr>\n");
            _text.Append(label).Append('：').Append(value.Replace("\n", "；", StringComparison.Ordinal)).Append('\n');
        }

        _html.Append("</table>\n");
        _text.Append('\n');
    }

    /// <summary>
    /// A table with a header row; in the text part one line per row, <c>header：cell</c> pairs joined by <c>；</c>.
    /// A row may carry a colour for its first cell (a status). The first <paramref name="shortColumns"/> columns hold
    /// short labels (a severity, a row number, a column name) that stay on one line, so that a long message next to
    /// them cannot squeeze them to one character a line.
    /// </summary>
    public void Table(IReadOnlyList<string> headers, IReadOnlyList<TableRow> rows, int shortColumns = 0)
    {
        _html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border-collapse:collapse;margin:8px 0;font-size:13px;\">\n<tr>");
        foreach (var header in headers)
        {
            _html.Append("<th align=\"left\" style=\"").Append(HeaderStyle).Append("\">").Append(MailText.Html(header)).Append("</th>");
        }

        _html.Append("</tr>\n");
        foreach (var row in rows)
        {
            _html.Append("<tr>");
            for (var i = 0; i < row.Cells.Count; i++)
            {
                _html.Append("<td style=\"").Append(CellStyle);
                if (i < shortColumns)
                {
                    _html.Append("white-space:nowrap;");
                }

                if (i == 0 && row.Color is { } color)
                {
                    _html.Append("color:").Append(color).Append(";font-weight:bold;white-space:nowrap;");
                }

                _html.Append("\">").Append(MailText.Html(row.Cells[i])).Append("</td>");
                _text.Append(i == 0 ? "- " : "；").Append(i < headers.Count ? headers[i] : string.Empty).Append('：')
                    .Append(row.Cells[i].Replace("\n", "，", StringComparison.Ordinal));
            }

            _html.Append("</tr>\n");
            _text.Append('\n');
        }

        _html.Append("</table>\n");
        _text.Append('\n');
    }

    /// <summary>Closes the document with a footer and returns the email.</summary>
    public AlertEmail Finish(string subject, string footer)
    {
        _html.Append("</td></tr>\n<tr><td style=\"padding:10px 20px;border-top:1px solid #eeeeee;color:#777777;font-size:12px;\">")
            .Append(MailText.Html(footer)).Append("</td></tr>\n</table>\n</td></tr></table>\n</body></html>\n");
        _text.Append("--\n").Append(footer).Append('\n');
        return new AlertEmail(subject, _html.ToString(), _text.ToString());
    }
}
