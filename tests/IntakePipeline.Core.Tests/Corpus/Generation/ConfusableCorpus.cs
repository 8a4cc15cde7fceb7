namespace IntakePipeline.Core.Tests.Corpus;

/// <summary>Confusable and invisible characters in codes, values, units, headers and identity columns.</summary>
internal static class ConfusableCorpus
{
    public static IEnumerable<HostileFile> Files()
    {
        yield return Code("confusable/greek-capital-nu.csv", "\u039D02,3.02,人");
        yield return Code("confusable/cyrillic-o-for-zero.csv", "N\u041E1,100,%");
        yield return Code("confusable/zero-width-space-in-code.csv", "U\u200B14,5,万户");
        yield return Code("confusable/zero-width-joiner-in-value.csv", "U14,5\u200D,万户");
        yield return Code("confusable/bom-inside-code.csv", "\uFEFFU14,5,万户");
        yield return Code("confusable/soft-hyphen-in-code.csv", "U\u00AD14,5,万户");
        yield return Code("confusable/right-to-left-override.csv", "\u202EU14,5,万户");
        yield return Code("confusable/full-width-code.csv", "Ｕ１４,５,万户");
        yield return Code("confusable/lower-case-code.csv", "u14,5,万户");
        yield return Code("confusable/ideographic-space-around.csv", "\u3000U14\u3000,\u30005\u3000,万户");
        yield return Code("confusable/no-break-space-around.csv", "\u00A0U14\u00A0,\u00A05\u00A0,万户");
        yield return Code("confusable/arabic-indic-digits.csv", "U14,\u0665,万户");
        yield return Code("confusable/devanagari-digits.csv", "U14,\u096B,万户");
        yield return Code("confusable/roman-numeral.csv", "U14,\u2164,万户");
        yield return Code("confusable/arabic-percent-unit.csv", "U20,95.26,\u066A");
        yield return Code("confusable/full-width-unit.csv", "U20,95.26,％");
        yield return Code("confusable/look-alike-unit.csv", "U14,5,万戸");
        yield return CorpusText.Csv("confusable/zero-width-in-header.csv", "指标\u200B代码,数值,单位", "U14,5,万户");
        yield return CorpusText.Csv("confusable/letter-o-in-prefecture.csv", "指标代码,数值,单位,市州代码", "U14,5,万户,52O300");
        yield return CorpusText.Csv("confusable/full-width-prefecture.csv", "指标代码,数值,单位,市州代码", "U14,5,万户,５２０３００");
        yield return CorpusText.Csv("confusable/full-width-period.csv", "指标代码,数值,单位,期间", "U14,5,万户,２０２４－０６");
    }

    private static HostileFile Code(string name, string row) => CorpusText.Csv(name, "指标代码,数值,单位", row);
}
