using Fazhi.Platform.Features.Identifiers;

namespace Fazhi.Bench.Data;

/// <summary>Realistic Chinese test data: names, resident ID numbers with valid check digits, phones, credit codes, text.</summary>
internal sealed class ChineseData(int seed)
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "褚", "颜", "孔", "孟"];
    private static readonly string[] Given = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建国", "淑珍", "玉兰", "志强", "海燕", "春梅", "庆华", "立新", "振东", "红梅", "文博", "子涵", "浩然", "欣怡", "宇轩", "雨桐", "梓萱"];
    private static readonly string[] Counties = ["370402", "370403", "370404", "370405", "370406", "370481"];
    private static readonly string[] CompanyWords = ["鲁南", "枣庄", "运河", "抱犊崮", "薛国", "峄州", "台儿庄", "滕州", "金穗", "恒泰", "鑫源", "华瑞"];
    private static readonly string[] CompanyKinds = ["商贸有限公司", "建筑工程有限公司", "物业服务有限公司", "煤业有限公司", "机械制造有限公司", "餐饮管理有限公司", "农业专业合作社"];

    private readonly Random _random = new(seed);

    public Random Random => _random;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public string PersonName() => Pick(Surnames) + Pick(Given);

    public string CompanyName() => "枣庄市" + Pick(CompanyWords) + Pick(CompanyKinds);

    public string County() => Pick(Counties);

    public string ResidentId()
    {
        var birth = new DateOnly(1940, 1, 1).AddDays(_random.Next(0, 365 * 66));
        var body = $"{County()}{birth:yyyyMMdd}{_random.Next(0, 1000):000}";
        return body + ResidentIdNumber.CheckCharacter(body + "0");
    }

    public string Phone() => $"1{Pick(new[] { "38", "39", "58", "59", "86", "87", "35", "36" })}{_random.Next(0, 100_000_000):00000000}";

    public string CreditCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var body = "91" + County() + new string(Enumerable.Range(0, 9).Select(_ => alphabet[_random.Next(alphabet.Length)]).ToArray());
        return body + UnifiedSocialCreditCode.CheckCharacter(body + "0");
    }

    public DateOnly DayBetween(DateOnly from, DateOnly to) => from.AddDays(_random.Next(0, to.DayNumber - from.DayNumber + 1));
}
