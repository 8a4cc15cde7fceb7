namespace IntakePipeline.Pipeline.Mail;

/// <summary>What one <see cref="SendAlertsHandler.RunAsync"/> did.</summary>
/// <param name="Sent">Messages the SMTP server (or the pickup folder) accepted in this run.</param>
/// <param name="Failed">Messages given up in this run: a permanent failure, or the last allowed attempt.</param>
/// <param name="Pending">Messages still waiting after this run, to be tried again by the next.</param>
/// <param name="DigestsComposed">Digests composed from queued items in this run.</param>
public sealed record SendAlertsResult(int Sent, int Failed, int Pending, int DigestsComposed);
