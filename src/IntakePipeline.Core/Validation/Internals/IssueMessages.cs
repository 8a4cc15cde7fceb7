using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Formatting;
using IntakePipeline.Core.Intake;
using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Validation.Internals;

/// <summary>
/// Every validation issue is made here, so that each Chinese message names the row, column, value and rule, and says
/// what to do, in one consistent voice.
/// </summary>
internal static class IssueMessages
{
    /// <summary>Long cell text is cut in messages; the issue's Value keeps it whole.</summary>
    private const int MaxQuotedLength = 40;

    public static ValidationIssue MissingLabel(string chineseName, string englishName) => Error(
        IssueCodes.MissingLabel, null, chineseName, null,
        $"文件缺少必填列“{chineseName}”。请在表头（第一行）加上“{chineseName}”列（英文表头也可写 {englishName}），或使用系统提供的模板重新填报。");

    public static ValidationIssue DuplicateLabel(string header, string firstHeader, string chineseName) => Error(
        IssueCodes.DuplicateLabel, null, header, header,
        $"表头中的“{Quote(header)}”列与“{Quote(firstHeader)}”列都表示“{chineseName}”，同一内容只能有一列。请删除多余的一列后重新上传。");

    public static ValidationIssue ExtraLabel(string header) => Warning(
        IssueCodes.ExtraLabel, null, header, header,
        $"表头中的“{Quote(header)}”列不是模板中的列，其内容已忽略。如该列中有需要报送的数据，请改填到“数值”或“备注”列。");

    public static ValidationIssue PeriodInFuture(YearMonth period, YearMonth current) => Error(
        IssueCodes.PeriodOutOfRange, null, null, period.ToString(),
        $"上传目录的期间 {period} 晚于当前月份 {current}，不能报送未来月份的数据。请把文件上传到对应月份的目录（例如 {current}/）。");

    public static ValidationIssue NotASubmission(MisplacedFile file) => Error(
        IssueCodes.NotASubmission, null, "文件名", file.BlobName,
        $"文件“{Quote(file.BlobName)}”不在期间目录中，系统没有处理它，其中的数据均未入库。报送文件必须放在以数据所属月份命名的一层目录中："
        + $"{SubmissionBlobName.IntakeContainer(file.Submitter)}/yyyy-MM/文件名，扩展名为 .csv、.xlsx 或 .json；"
        + $"例如 {file.ExamplePeriod} 的数据应放在 {file.ExamplePath}。请把文件移到（或重新上传到）正确的目录，放对后系统会自动校验。");

    public static ValidationIssue PeriodTooEarly(YearMonth period, YearMonth first) => Error(
        IssueCodes.PeriodOutOfRange, null, null, period.ToString(),
        $"上传目录的期间 {period} 早于监测起始月份 {first}，系统不接收该期间的数据。请检查目录名中的年月是否写错。");

    public static ValidationIssue FormulaInjection(int row, string column, string value) => Error(
        IssueCodes.FormulaInjection, row, column, value,
        $"{Cell(row, column)}的“{Quote(value)}”以“{value.TrimStart()[0]}”开头，打开文件时可能被电子表格当作公式执行，已拒收。请删除开头的“{value.TrimStart()[0]}”；如是数值，请只填写数字。");

    public static ValidationIssue HeaderFormulaInjection(string header) => Error(
        IssueCodes.FormulaInjection, null, header, header,
        $"表头中的“{Quote(header)}”以“{header.TrimStart()[0]}”开头，打开文件时可能被电子表格当作公式执行，已拒收。请删除该列，或改用模板中的列名。");

    public static ValidationIssue MissingIndicator(int row, string column, string valueColumn, string value) => Error(
        IssueCodes.MissingIndicator, row, column, null,
        $"第 {row} 行“{valueColumn}”列填写了“{Quote(value)}”，但“{column}”列为空。请填写该行的指标代码（例如 U14），或删除此行。");

    public static ValidationIssue UnknownIndicator(int row, string column, string value) => Error(
        IssueCodes.UnknownIndicator, row, column, value,
        $"{Cell(row, column)}的“{Quote(value)}”不是规划中的指标代码。请对照模板中的指标代码更正（例如 U14），或删除此行。");

    public static ValidationIssue IndicatorNotAllocated(int row, string column, string value, PlanIndicator indicator, string submitter, string reportedBy) => Error(
        IssueCodes.IndicatorNotAllocated, row, column, value,
        $"{Cell(row, column)}的指标 {Named(indicator)}不由{SubmitterName(submitter)}报送：{reportedBy}。请删除此行。");

    public static ValidationIssue DuplicateRow(int row, string column, string value, PlanIndicator indicator, int firstRow) => Error(
        IssueCodes.DuplicateRow, row, column, value,
        $"{Cell(row, column)}的指标 {Named(indicator)}与第 {firstRow} 行重复，每个指标每月只能填写一行。请保留正确的一行，删除另一行。");

    public static ValidationIssue TypeError(int row, string column, string value) => Error(
        IssueCodes.TypeError, row, column, value,
        $"{Cell(row, column)}的“{Quote(value)}”无法识别为数字。请只填写数字，例如 12.5（单位填在“单位”列）；本月不报送的指标请留空，不要填“—”或文字。");

    public static ValidationIssue UnitMismatch(int row, string column, string value, string unit, PlanIndicator indicator)
    {
        var alternative = SubmissionUnits.IsConvertible(indicator.Unit)
            ? $"（也可按“{Alternative(indicator.Unit)}”填写，系统会自动换算）"
            : string.Empty;
        return Error(
            IssueCodes.UnitMismatch, row, column, value,
            $"{Cell(row, column)}的单位“{Quote(unit)}”与指标 {Named(indicator)}的单位“{indicator.Unit}”不符，且无法换算。请按“{indicator.Unit}”填写数值{alternative}，并把单位改为“{indicator.Unit}”或留空。");
    }

    public static ValidationIssue PercentOutOfRange(int row, string column, string value, double number, PlanIndicator indicator) => Error(
        IssueCodes.OutOfRange, row, column, value,
        $"{Cell(row, column)}的 {DisplayNumber.Exact(number)} 超出范围：指标 {Named(indicator)}的单位是“%”，数值应在 0 到 100 之间。请核对后重新填写（例如 36% 请填 36）。");

    public static ValidationIssue ScaledOutOfRange(int row, string column, string value, PlanIndicator indicator) => Error(
        IssueCodes.OutOfRange, row, column, value,
        $"{Cell(row, column)}的“{Quote(value)}”换算为指标 {Named(indicator)}的单位“{indicator.Unit}”后超出了可以存储的数值范围，无法入库。请核对数值、“万”字和“单位”列后重新填写。");

    public static ValidationIssue NegativeValue(int row, string column, string value, double number, PlanIndicator indicator) => Error(
        IssueCodes.OutOfRange, row, column, value,
        $"{Cell(row, column)}的 {DisplayNumber.Exact(number)} 是负数，而指标 {Named(indicator)}不能为负。请核对后重新填写。");

    public static ValidationIssue PrefectureMismatch(int row, string column, string value, string submitter) => Error(
        IssueCodes.PrefectureMismatch, row, column, value,
        $"{Cell(row, column)}的“{Quote(value)}”与上传单位{SubmitterName(submitter)}不一致。请确认没有传错文件：本文件只能包含{SubmitterName(submitter)}的数据，请把该列改为 {submitter} 或删除该列。");

    public static ValidationIssue PeriodMismatch(int row, string column, string value, YearMonth period) => Error(
        IssueCodes.PeriodMismatch, row, column, value,
        $"{Cell(row, column)}的“{Quote(value)}”与上传目录的期间 {period} 不一致。请确认文件上传到了正确月份的目录，或把该列改为 {period}。");

    public static ValidationIssue PeriodUnreadable(int row, string column, string value, YearMonth period) => Error(
        IssueCodes.PeriodMismatch, row, column, value,
        $"{Cell(row, column)}的“{Quote(value)}”无法识别为月份，无法确认是否为上传目录的期间 {period}。请填写 {period} 这样的格式，或删除该列。");

    public static ValidationIssue CumulativeDecrease(int row, string column, string value, PlanIndicator indicator, double number, MonthlyValue earlier, YearMonth windowStart) => Error(
        IssueCodes.CumulativeDecrease, row, column, value,
        $"{Cell(row, column)}：指标 {Named(indicator)}的累计值 {DisplayNumber.Exact(number)}{indicator.Unit} 低于 {earlier.Month} 已接受的 {DisplayNumber.Exact(earlier.Value)}{indicator.Unit}。累计指标应填写自 {windowStart} 起的累计完成数，只增不减。请核对后重新填写；如 {earlier.Month} 的数据有误，请先重新上传该月的更正文件。");

    public static ValidationIssue Outlier(int row, string column, string value, PlanIndicator indicator, double number, MonthlyValue previous, double change, double median, double z, double threshold)
    {
        var changes = DisplayNumber.Together(change, median);
        return Warning(
            IssueCodes.Outlier, row, column, value,
            $"{Cell(row, column)}：指标 {Named(indicator)}的 {DisplayNumber.Exact(number)}{indicator.Unit} 较 {previous.Month} 的 {DisplayNumber.Exact(previous.Value)}{indicator.Unit} 平均每月变化 {changes[0]}，远超该指标以往的月度变化（中位数 {changes[1]}，稳健 z 值 {(double.IsInfinity(z) ? "∞" : DisplayNumber.Format(z))}，提示阈值 {DisplayNumber.Format(threshold)}）。请确认数值和单位无误；如确实如此，可忽略此提示。");
    }

    public static ValidationIssue UnitSuspect(int row, string column, string value, PlanIndicator indicator, double number, double largestTarget, double factor) => Warning(
        IssueCodes.UnitSuspect, row, column, value,
        $"{Cell(row, column)}：指标 {Named(indicator)}的 {DisplayNumber.Exact(number)}{indicator.Unit} 超过该指标规划目标 {DisplayNumber.Exact(largestTarget)}{indicator.Unit} 的 {DisplayNumber.Format(factor)} 倍，可能单位有误（例如多写了“万”，或按“户”“人”等较小单位填写却没有在“单位”列注明）。请核对数值和单位。");

    /// <summary>Who does report an indicator, for <see cref="IndicatorNotAllocated"/>.</summary>
    public static string ReportedBy(PlanIndicator indicator) => indicator.Aggregation switch
    {
        IndicatorAggregation.None => $"该指标由省统计局（{Submitters.Province}）报送",
        IndicatorAggregation.Sum => "该指标由各市州报送，全省数值由系统汇总",
        _ => "该指标没有分配给本单位",
    };

    private static string Cell(int row, string column) => $"第 {row} 行“{column}”列";

    private static string Named(PlanIndicator indicator) => $"{indicator.Code}（{indicator.Name}）";

    private static string SubmitterName(string code) =>
        Submitters.Find(code) is { } submitter
            ? code == Submitters.Province ? $"省统计局（{code}）" : $"{submitter.Name}（{code}）"
            : code;

    private static string Alternative(string unit) =>
        unit.Length > 1 && unit[0] == '万' ? unit[1..] : "万" + unit;

    private static string Quote(string value) =>
        value.Length <= MaxQuotedLength ? value : string.Concat(value.AsSpan(0, MaxQuotedLength), "…");

    private static ValidationIssue Error(string code, int? row, string? column, string? value, string message) =>
        new(code, IssueSeverity.Error, row, column, value, message);

    private static ValidationIssue Warning(string code, int? row, string? column, string? value, string message) =>
        new(code, IssueSeverity.Warning, row, column, value, message);
}
