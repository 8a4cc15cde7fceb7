using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using IntakePipeline.Core;
using IntakePipeline.Core.Intake;
using IntakePipeline.Host.Cli;
using IntakePipeline.Storage;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// <c>intake sas --prefecture &lt;code&gt; [--days 7] [--json]</c>: a quick-start credential for one submitter, a SAS
/// link to its <c>intake-{code}</c> (create, write, add, list) and one to its <c>reports-{code}</c> (read, list), with
/// their expiry and a ready AzCopy command line. Neither allows delete or reaches another container.
/// </summary>
/// <remarks>
/// With an account key it issues a service SAS; with an Entra identity a user delegation SAS, which Azure caps at
/// 7 days, so a longer <c>--days</c> is shortened with a note on standard error. Entra groups are the lasting way in
/// (docs/deploying.md).
/// </remarks>
internal static class SasCommand
{
    /// <summary>The longest <c>--days</c>: a year. A service SAS allows more, but a link that old is a standing key.</summary>
    internal const int MaxDays = 365;

    /// <summary>What the intake link allows: upload (including AzCopy's block uploads) and list, never read or delete.</summary>
    internal const BlobSasAccess IntakeAccess = BlobSasAccess.Create | BlobSasAccess.Write | BlobSasAccess.Add | BlobSasAccess.List;

    /// <summary>What the reports link allows.</summary>
    internal const BlobSasAccess ReportsAccess = BlobSasAccess.Read | BlobSasAccess.List;

    public static Command Create()
    {
        var prefecture = CommonOptions.Prefecture();
        var days = new Option<int>("--days")
        {
            Description = "How many days the links work (a user delegation SAS at most 7).",
            DefaultValueFactory = _ => 7,
        };
        days.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value is < 1 or > MaxDays)
            {
                result.AddError($"--days 的值 {value} 无效：必须是 1 到 {MaxDays} 之间的整数，例如 --days 7。");
            }
        });
        var json = new Option<bool>("--json") { Description = "Print the same as one JSON object." };

        var command = new Command("sas", "Issue a prefecture's SAS links: intake-{code} to upload (create, write, add, list), reports-{code} to read; never delete.")
        {
            prefecture, days, json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            await using var storage = await CliStorage.ConnectAsync(error, cancellationToken).ConfigureAwait(false);
            if (storage is null)
            {
                return ExitCodes.StorageUnavailable;
            }

            var code = parseResult.GetRequiredValue(prefecture);
            var requested = parseResult.GetValue(days);
            var lifetime = TimeSpan.FromDays(requested);
            if (storage.SasIssuer.MaxLifetime is { } max && lifetime > max)
            {
                await error.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"提示：以 Entra 身份签发的是用户委托 SAS，Azure 规定其最长有效 {max.TotalDays:0} 天；--days {requested} 超出上限，已按 {max.TotalDays:0} 天签发。需要长期访问请使用 Entra 组（见 docs/deploying.md）。"))
                    .ConfigureAwait(false);
                lifetime = max;
            }

            BlobSas intake, reports;
            try
            {
                intake = await storage.SasIssuer.IssueForContainerAsync(SubmissionBlobName.IntakeContainer(code), IntakeAccess, lifetime, cancellationToken).ConfigureAwait(false);
                reports = await storage.SasIssuer.IssueForContainerAsync(SubmissionBlobName.ReportContainer(code), ReportsAccess, lifetime, cancellationToken).ConfigureAwait(false);
            }
            catch (BlobSasUnavailableException e)
            {
                await error.WriteLineAsync(e.Status is null
                    ? "无法签发 SAS：当前存储连接本身用 SAS 认证，不能再签发 SAS。请改用账户密钥，或 Entra 身份（AzureWebJobsStorage__blobServiceUri 等设置）。"
                    : "无法签发 SAS：存储账户拒绝为当前 Entra 身份生成用户委托密钥。该身份需要包含 generateUserDelegationKey 操作的角色（如 Storage Blob Delegator），"
                        + "以及链接所授予的数据权限（Storage Blob Data Contributor）。").ConfigureAwait(false);
                await error.WriteLineAsync($"({e.Message})").ConfigureAwait(false);
                return ExitCodes.StorageUnavailable;
            }

            var expires = (intake.ExpiresOn < reports.ExpiresOn ? intake.ExpiresOn : reports.ExpiresOn).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            var azcopy = AzCopyLine(intake.Uri, LastMonth(storage));
            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(Json(code, intake, reports, expires, azcopy)).ConfigureAwait(false);
            }
            else
            {
                await output.WriteLineAsync($"intake: {intake.Uri.AbsoluteUri}").ConfigureAwait(false);
                await output.WriteLineAsync($"reports: {reports.Uri.AbsoluteUri}").ConfigureAwait(false);
                await output.WriteLineAsync($"expires: {expires}").ConfigureAwait(false);
                await output.WriteLineAsync(azcopy).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Uploads a local folder named after the month into the container, so that its files land in
    /// <c>intake-{code}/{yyyy-MM}/</c>. <c>--from-to LocalBlob</c> lets AzCopy take an emulator's URL too, whose host
    /// does not say it is Blob Storage.
    /// </summary>
    internal static string AzCopyLine(Uri intake, YearMonth period) =>
        $"azcopy copy \"{period}\" \"{intake.AbsoluteUri}\" --recursive --from-to LocalBlob";

    /// <summary>The month most files are being submitted for: the one before the current month in the deadlines' time zone.</summary>
    private static YearMonth LastMonth(CliStorage storage) =>
        YearMonth.Of(DateTimeOffset.UtcNow, storage.Deadlines.FindTimeZone()).AddMonths(-1);

    private static string Json(string code, BlobSas intake, BlobSas reports, string expires, string azcopy)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("prefecture", code);
            writer.WriteString("intake", intake.Uri.AbsoluteUri);
            writer.WriteString("reports", reports.Uri.AbsoluteUri);
            writer.WriteString("expires", expires);
            writer.WriteString("kind", intake.Kind == BlobSasKind.UserDelegation ? "userDelegation" : "service");
            writer.WriteString("azcopy", azcopy);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
