using Fazhi.Enforcement.Cases;
using Fazhi.Enforcement.Registry;

namespace Fazhi.Enforcement.Tests.Cases;

public sealed class PenaltyArithmeticTests
{
    // 行政处罚法 第七十二条第一项: 每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额.
    [Theory]
    [InlineData("2026-03-16", "2026-03-16", 0)]      // paid on the last day: no surcharge
    [InlineData("2026-03-16", "2026-03-10", 0)]      // paid early
    [InlineData("2026-03-16", "2026-03-17", 30)]     // one day late: 3% of 1000
    [InlineData("2026-03-16", "2026-03-26", 300)]    // ten days late
    [InlineData("2026-03-16", "2026-04-18", 990)]    // 33 days: 990, still under the fine
    [InlineData("2026-03-16", "2026-04-19", 1000)]   // 34 days would be 1020: capped at the fine
    [InlineData("2026-03-16", "2027-03-16", 1000)]   // a year late: still the fine
    public void The_surcharge_is_three_percent_a_day_capped_at_the_fine(string due, string paid, decimal expected) =>
        Assert.Equal(expected, PenaltyArithmetic.Surcharge(1000m, DateOnly.Parse(due), DateOnly.Parse(paid), 3m));

    [Fact]
    public void The_rate_is_data()
    {
        Assert.Equal(100m, PenaltyArithmetic.Surcharge(1000m, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 6), 2m));
    }

    [Theory]
    [InlineData(9_999.99, false)]
    [InlineData(10_000, true)]
    public void A_large_fine_for_a_person_follows_the_configured_threshold(decimal amount, bool large) =>
        Assert.Equal(large, new CaseRulesProfile().IsLargeFine(PartyKind.Person, amount));

    [Fact]
    public void A_certificate_is_valid_through_its_expiry_day_and_not_the_day_after()
    {
        var officer = new EnforcementOfficer { Name = "李四", CertificateNumber = "ZF-1", CertificateIssuedOn = new(2021, 1, 1), CertificateExpiresOn = new(2026, 6, 30) };
        Assert.Null(officer.IneligibleReason(new(2026, 6, 30)));
        Assert.Contains("已于 2026-06-30 过期", officer.IneligibleReason(new(2026, 7, 1)));
        Assert.Contains("未取得", new EnforcementOfficer { Name = "王五" }.IneligibleReason(new(2026, 7, 1)));
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("李", "*")]
    public void A_persons_name_is_masked_for_publication(string name, string masked) => Assert.Equal(masked, CaseDisplay.MaskName(name));

    [Fact]
    public void An_exported_record_verifies_and_a_removed_step_is_found()
    {
        var id = Guid.NewGuid();
        var t = new DateTime(2026, 11, 27, 8, 0, 0, DateTimeKind.Utc);
        var h1 = CaseRecord.HashOf(id, 1, "open", t, new(2026, 11, 27), "u", "立案", "[]", "");
        var h2 = CaseRecord.HashOf(id, 2, "decide", t, new(2026, 11, 28), "u", "决定", "[]", h1);
        var steps = new List<StepRecord> { new(1, "open", t, new(2026, 11, 27), "u", "立案", "[]", "", h1), new(2, "decide", t, new(2026, 11, 28), "u", "决定", "[]", h1, h2) };
        Assert.True(CaseRecord.Verify(id, steps, h2).Valid);
        Assert.False(CaseRecord.Verify(id, [steps[1] with { Seq = 1 }], h2).Valid);
        Assert.False(CaseRecord.Verify(id, [steps[0]], h2).Valid);
    }
}
