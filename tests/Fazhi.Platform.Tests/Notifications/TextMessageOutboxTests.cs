using System.Net;
using Fazhi.Platform.Features.Notifications;
using Fazhi.Platform.Features.Setup;
using Fazhi.Platform.Tests.Accounts;
using Fazhi.Platform.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fazhi.Platform.Tests.Notifications;

/// <summary>The development SMS outbox (ADR 0055): one file per message with the full number and text, newest first; off unless configured or --demo.</summary>
[Collection(HostCollection.Name)]
public sealed class TextMessageOutboxTests(FazhiFactory factory)
{
    private static TextMessageOutbox Outbox(string? directory) => new(new ConfigurationBuilder()
        .AddInMemoryCollection(directory is null ? [] : [new KeyValuePair<string, string?>(TextMessageOutbox.ConfigKey, directory)]).Build());

    [Fact]
    public async Task The_outbox_gateway_writes_each_message_with_time_kind_full_number_and_text_newest_first()
    {
        var dir = Path.Combine(Path.GetTempPath(), "fazhi-outbox-" + Guid.NewGuid().ToString("N"));
        try
        {
            var outbox = Outbox(dir);
            Assert.True(outbox.IsOn);
            var clock = new StepClock(new DateTimeOffset(2026, 12, 7, 1, 2, 3, TimeSpan.Zero));
            var gateway = new OutboxTextMessageGateway(outbox, new LoggingTextMessageGateway(NullLogger<LoggingTextMessageGateway>.Instance), clock);
            Assert.True(await gateway.SendAsync(new TextMessage("test.first", "13812345678", "【法治枣庄】验证码 123456，10 分钟内有效。", "s1"), default));
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.True(await gateway.SendAsync(new TextMessage("test.second", "13987654321", "第二条"), default));

            Assert.Equal(2, Directory.GetFiles(dir, "*.json").Length);
            var read = Outbox(dir).Newest();
            Assert.Equal(["test.second", "test.first"], read.Select(m => m.Kind));
            Assert.Equal("13812345678", read[1].Phone);
            Assert.Equal("【法治枣庄】验证码 123456，10 分钟内有效。", read[1].Text);
            Assert.Equal(new DateTime(2026, 12, 7, 1, 2, 3, DateTimeKind.Utc), read[1].SentAtUtc);
            Assert.Single(Outbox(dir).Newest(1));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_outbox_is_off_by_default_on_in_demo_mode_in_the_data_folder_and_a_configured_folder_wins()
    {
        var off = Outbox(null);
        Assert.False(off.IsOn);
        Assert.Empty(off.Newest());
        off.UseDemoDefault("/tmp/data");
        Assert.Equal(Path.Combine("/tmp/data", TextMessageOutbox.DemoFolderName), off.Directory);
        var configured = Outbox("/tmp/elsewhere");
        configured.UseDemoDefault("/tmp/data");
        Assert.Equal("/tmp/elsewhere", configured.Directory);
    }

    [Fact]
    public async Task The_host_ships_the_logging_gateway_and_the_outbox_page_exists_only_while_the_outbox_is_on_for_administrators()
    {
        Assert.IsType<LoggingTextMessageGateway>(factory.Services.GetRequiredService<ITextMessageGateway>());
        var staff = await factory.CreateUserAsync(BuiltInRoles.Staff);
        var adminPages = await AccountPages.SignedInBrowserAsync(factory, await factory.CreateUserAsync(BuiltInRoles.SystemAdmin, "370400"));
        Assert.Equal(HttpStatusCode.NotFound, (await adminPages.GetAsync("/admin/sms-outbox")).StatusCode);

        var outbox = factory.Services.GetRequiredService<TextMessageOutbox>();
        var dir = Path.Combine(Path.GetTempPath(), "fazhi-outbox-" + Guid.NewGuid().ToString("N"));
        outbox.UseDemoDefault(dir);
        try
        {
            var gateway = ActivatorUtilities.CreateInstance<OutboxTextMessageGateway>(factory.Services);
            await gateway.SendAsync(new TextMessage("test.page", "13700001111", "【法治枣庄】页面上看得到的短信 654321"), default);
            var page = await adminPages.GetStringAsync("/admin/sms-outbox");
            Assert.Contains("13700001111", page);
            Assert.Contains("页面上看得到的短信 654321", page);

            var staffPages = await factory.SignedInBrowserAsync(staff);
            var denied = await staffPages.GetAsync("/admin/sms-outbox");
            Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        }
        finally
        {
            outbox.UseDemoDefault(null);
            Directory.Delete(dir, recursive: true);
        }
    }

    private sealed class StepClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
