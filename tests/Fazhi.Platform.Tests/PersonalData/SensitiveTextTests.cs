using System.Text.Json;
using Fazhi.Platform.Features.PersonalData;
using Microsoft.Extensions.Logging;

namespace Fazhi.Platform.Tests.PersonalData;

/// <summary>Masking in lists and logs (PIPL Arts. 28, 51): the plaintext only through Reveal().</summary>
public sealed class SensitiveTextTests
{
    [Theory]
    [InlineData(SensitiveKind.IdNumber, "370402199001011234", "3704**********1234")]
    [InlineData(SensitiveKind.IdNumber, "44011320141005001x", "4401**********001X")]
    [InlineData(SensitiveKind.Phone, "13812345678", "138****5678")]
    [InlineData(SensitiveKind.Phone, "+86 138-1234-5678", "138****5678")]
    [InlineData(SensitiveKind.Phone, "0632-3311234", "063****1234")]
    [InlineData(SensitiveKind.Address, "山东省枣庄市市中区光明路 123 号", "山东省枣庄市***")]
    [InlineData(SensitiveKind.Address, "枣庄市中区", "枣庄***")]
    public void Values_are_masked(SensitiveKind kind, string value, string masked)
    {
        var text = SensitiveText.Create(kind, value);

        Assert.Equal(masked, text.Masked);
        Assert.Equal(masked, text.ToString());
        Assert.Equal(masked, $"{text}");
    }

    [Fact]
    public void Values_are_normalised_so_equal_numbers_compare_equal()
    {
        var a = SensitiveText.Phone("+86 138 1234 5678");
        var b = SensitiveText.Phone("13812345678");

        Assert.Equal("13812345678", a.Reveal());
        Assert.Equal(a, b);
        Assert.NotEqual(a, SensitiveText.IdNumber("13812345678"));
        Assert.Equal("44011320141005001X", SensitiveText.IdNumber(" 44011320141005001x ").Reveal());
        Assert.Null(SensitiveText.CreateOrNull(SensitiveKind.Phone, "  "));
        Assert.Throws<ArgumentException>(() => SensitiveText.Phone("--"));
    }

    [Fact]
    public void Json_shows_only_the_masked_form()
    {
        var json = JsonSerializer.Serialize(new { Mobile = SensitiveText.Phone("13812345678") });

        Assert.Equal("{\"Mobile\":\"138****5678\"}", json);
    }

    [Fact]
    public void A_log_message_formatting_the_value_shows_only_the_masked_form()
    {
        var sink = new CapturingLoggerProvider();
        using (var factory = LoggerFactory.Create(b => b.AddProvider(sink).SetMinimumLevel(LogLevel.Trace)))
        {
            var logger = factory.CreateLogger("PersonalData");
            var phone = SensitiveText.Phone("13812345678");
            var id = SensitiveText.IdNumber("370402199001011234");
            logger.LogInformation("申请人手机 {Mobile}，身份证 {IdNumber}", phone, id);
            logger.LogWarning($"插值也只输出掩码：{phone}");
        }

        Assert.Equal(2, sink.Messages.Count);
        Assert.Equal("申请人手机 138****5678，身份证 3704**********1234", sink.Messages[0]);
        Assert.Equal("插值也只输出掩码：138****5678", sink.Messages[1]);
        Assert.DoesNotContain(sink.Messages.Concat(sink.StateValues), m => m.Contains("13812345678") || m.Contains("370402199001011234"));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public List<string> Messages { get; } = [];

        /// <summary>Structured values as a structured sink would render them (ToString of each argument).</summary>
        public List<string> StateValues { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                owner.Messages.Add(formatter(state, exception));
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    owner.StateValues.AddRange(values.Select(v => v.Value?.ToString() ?? ""));
                }
            }
        }
    }
}
