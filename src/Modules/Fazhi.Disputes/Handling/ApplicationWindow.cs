using Fazhi.Disputes.Cases;
using Fazhi.Platform.Features.Calendar;

namespace Fazhi.Disputes.Handling;

/// <summary>行政复议法 第二十条: the application window, checked at intake from the profile's rules.</summary>
internal static class ApplicationWindow
{
    /// <summary>The outcome: an error refusing the intake, or a flag kept on the case for the reviewer (late with a reason given).</summary>
    internal sealed record Check(string? Error, string? Flag, DateOnly? LastDay);

    public static Check Evaluate(IReadOnlyDictionary<string, ProfileRule> rules, DateOnly? knewOn, bool? toldOfRight, string? lateReason, DateOnly today, DeadlineCalculator calculator)
    {
        if (knewOn is not { } knew || !rules.TryGetValue(RuleKeys.ApplicationWindow, out var window))
        {
            return new(null, null, null);
        }
        if (knew > today)
        {
            return new("日期不可能：知道该行政行为的日期不能晚于今天。", null, null);
        }
        // 第二十条第一款: 60 days from knowing of the act; 第二十条第二款: not told of the right -> at most one year from knowing of the act.
        var rule = toldOfRight == false && rules.TryGetValue(RuleKeys.ApplicationWindowUntold, out var untold) ? untold : window;
        var last = calculator.Compute(new DeadlineSpec(knew, rule.DayKind ?? DayKind.Calendar, rule.Value), today).DueDate!.Value;
        if (today <= last)
        {
            return new(null, null, last);
        }
        var message = $"已超过申请期限：自知道该行政行为之日（{Labels.Date(knew)}）起 {rule.Value} 日，期限于{Labels.Date(last)}届满（{EventLabels.Ref(rule.Article)}）";
        if (!string.IsNullOrWhiteSpace(lateReason))
        {
            // 第二十条第一款后段：因不可抗力或者其他正当理由耽误法定申请期限的，申请期限自障碍消除之日起继续计算。
            return new(null, message + "；申请人主张的正当理由：" + lateReason.Trim(), last);
        }
        return new(message + "。如因不可抗力或其他正当理由耽误期限，请填写理由。", null, last);
    }
}
