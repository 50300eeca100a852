namespace Fazhi.Library.Works;

/// <summary>
/// 时效性 of a version on a date. A version applies from its effective date (or its own date) until the next version
/// starts to apply, or until the work was repealed or lapsed. The status is computed, never stored, so a text that
/// was 尚未生效 yesterday is 现行有效 today without anyone touching it.
/// </summary>
internal static class Validity
{
    /// <summary>The day the version stops applying (exclusive), or null while open-ended.</summary>
    public static DateOnly? AppliesUntil(LawWork work, IReadOnlyList<LawVersion> versions, LawVersion version)
    {
        if (NeverApplied(work, version))
        {
            return work.EndedOn;
        }
        var next = versions.Where(v => v.Id != version.Id && v.AppliesFrom > version.AppliesFrom && !NeverApplied(work, v)).Select(v => (DateOnly?)v.AppliesFrom).Min();
        if (next is not null)
        {
            return next;
        }
        return work.End != WorkEnd.None ? work.EndedOn : null;
    }

    /// <summary>
    /// A version repealed or declared void before it took effect (施行前废止或者宣布失效): the work ended on or before the day the
    /// version was to start applying, so it never applied. It stays in the history (its text is kept) and is 尚未生效 until the
    /// day of the end, 已废止 (or 失效) from then on; it neither replaces the version before it nor counts as an amendment.
    /// </summary>
    public static bool NeverApplied(LawWork work, LawVersion version) =>
        work.End != WorkEnd.None && work.EndedOn is { } ended && version.AppliesFrom >= ended;

    /// <summary>The first day the version's status is what <see cref="StatusOn"/> reports from then on: its start, or for a version that never applied the end.</summary>
    public static DateOnly StartsOn(LawWork work, LawVersion version) => NeverApplied(work, version) ? work.EndedOn!.Value : version.AppliesFrom;

    public static ValidityStatus StatusOn(LawWork work, IReadOnlyList<LawVersion> versions, LawVersion version, DateOnly date)
    {
        if (NeverApplied(work, version))
        {
            return date < work.EndedOn ? ValidityStatus.NotYetEffective : work.End == WorkEnd.Expired ? ValidityStatus.Expired : ValidityStatus.Repealed;
        }
        if (date < version.AppliesFrom)
        {
            return ValidityStatus.NotYetEffective;
        }
        var until = AppliesUntil(work, versions, version);
        if (until is null || date < until)
        {
            return ValidityStatus.InForce;
        }
        var replaced = versions.Any(v => v.Id != version.Id && v.AppliesFrom > version.AppliesFrom && v.AppliesFrom <= date && !NeverApplied(work, v));
        return replaced ? ValidityStatus.Amended : work.End == WorkEnd.Expired ? ValidityStatus.Expired : ValidityStatus.Repealed;
    }

    /// <summary>The version that applies on <paramref name="date"/>, or null (before the first, or after the end).</summary>
    public static LawVersion? InForceOn(LawWork work, IReadOnlyList<LawVersion> versions, DateOnly date) =>
        versions.Where(v => StatusOn(work, versions, v, date) == ValidityStatus.InForce).OrderByDescending(v => v.AppliesFrom).FirstOrDefault();

    /// <summary>The version a reader sees first: the one in force today, else the newest (not yet effective or ended).</summary>
    public static LawVersion? Current(LawWork work, IReadOnlyList<LawVersion> versions, DateOnly today) =>
        InForceOn(work, versions, today) ?? versions.OrderByDescending(v => v.AppliesFrom).ThenByDescending(v => v.Number).FirstOrDefault();

    /// <summary>The status as shown for one version: 已废止（未生效） / 失效（未生效） for a version that never applied.</summary>
    public static string Label(LawWork work, LawVersion version, ValidityStatus s) =>
        NeverApplied(work, version) && s is ValidityStatus.Repealed or ValidityStatus.Expired ? Label(s) + "（未生效）" : Label(s);

    public static string Label(ValidityStatus s) => s switch
    {
        ValidityStatus.NotYetEffective => "尚未生效",
        ValidityStatus.InForce => "现行有效",
        ValidityStatus.Amended => "已修改",
        ValidityStatus.Repealed => "已废止",
        _ => "失效",
    };

    public static string Label(EffectLevel l) => l switch
    {
        EffectLevel.Constitution => "宪法",
        EffectLevel.Law => "法律",
        EffectLevel.AdministrativeRegulation => "行政法规",
        EffectLevel.SupervisoryRegulation => "监察法规",
        EffectLevel.JudicialInterpretation => "司法解释",
        EffectLevel.ProvincialRegulation => "省级地方性法规",
        EffectLevel.MunicipalRegulation => "设区的市地方性法规",
        EffectLevel.AutonomousRegulation => "自治条例和单行条例",
        EffectLevel.DepartmentRule => "部门规章",
        EffectLevel.LocalGovernmentRule => "地方政府规章",
        EffectLevel.NormativeDocument => "行政规范性文件",
        _ => "其他",
    };
}
