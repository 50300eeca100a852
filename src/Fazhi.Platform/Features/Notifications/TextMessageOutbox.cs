using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Fazhi.Platform.Features.Notifications;

/// <summary>A text message as the development outbox stored it: when, what kind, the full number, the text.</summary>
internal sealed record OutboxMessage(DateTime SentAtUtc, string Kind, string Phone, string Text, string? Subject);

/// <summary>
/// The development SMS outbox (ADR 0055): a folder where <see cref="OutboxTextMessageGateway"/> writes each text message
/// as one JSON file, so that a demo or a test can read what the citizen's SMS says. On when <c>TextMessages:OutboxDirectory</c>
/// names a folder, and by default under <c>--demo</c> (<c>sms-outbox</c> in the data folder); off in production defaults.
/// The files hold full numbers and codes: a development or demonstration install only.
/// </summary>
internal sealed class TextMessageOutbox(IConfiguration configuration)
{
    public const string ConfigKey = "TextMessages:OutboxDirectory";

    /// <summary>The folder <c>--demo</c> uses inside the data folder when nothing is configured.</summary>
    public const string DemoFolderName = "sms-outbox";

    private string? _demoDirectory;

    /// <summary>The folder messages go to, or null when the outbox is off.</summary>
    public string? Directory => configuration[ConfigKey] is { Length: > 0 } configured ? Path.GetFullPath(configured) : _demoDirectory;

    public bool IsOn => Directory is not null;

    /// <summary>
    /// Called once at start in demo mode, before anything is sent: the outbox defaults to a folder in the data folder
    /// (null turns the default off again; a configured folder always wins).
    /// </summary>
    internal void UseDemoDefault(string? dataDirectory) => _demoDirectory = dataDirectory is null ? null : Path.Combine(dataDirectory, DemoFolderName);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    internal async Task WriteAsync(TextMessage message, DateTime sentAtUtc, CancellationToken ct)
    {
        var dir = Directory ?? throw new InvalidOperationException("The SMS outbox is off.");
        System.IO.Directory.CreateDirectory(dir);
        // Sortable by name: the time first, then a random part so that two messages in the same millisecond both stay.
        var name = $"{sentAtUtc.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.json";
        var record = new OutboxMessage(sentAtUtc, message.Kind, message.Phone, message.Text, message.Subject);
        var temp = Path.Combine(dir, name + ".tmp");
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(record, Json), ct);
        File.Move(temp, Path.Combine(dir, name));
    }

    /// <summary>The newest messages first (at most <paramref name="max"/>); empty when the outbox is off or still empty.</summary>
    public IReadOnlyList<OutboxMessage> Newest(int max = 200)
    {
        if (Directory is not { } dir || !System.IO.Directory.Exists(dir))
        {
            return [];
        }
        var list = new List<OutboxMessage>();
        foreach (var file in System.IO.Directory.GetFiles(dir, "*.json").OrderByDescending(Path.GetFileName, StringComparer.Ordinal).Take(max))
        {
            try
            {
                if (JsonSerializer.Deserialize<OutboxMessage>(File.ReadAllText(file), Json) is { } m)
                {
                    list.Add(m);
                }
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                // A file being removed or not ours: skipped.
            }
        }
        return list;
    }
}

/// <summary>
/// The development gateway: writes each message into the <see cref="TextMessageOutbox"/> folder (time, kind, full number,
/// text) and logs it like the shipped gateway. Registered instead of <see cref="LoggingTextMessageGateway"/> when the outbox is on.
/// </summary>
internal sealed class OutboxTextMessageGateway(TextMessageOutbox outbox, LoggingTextMessageGateway log, TimeProvider clock) : ITextMessageGateway
{
    public string Name => "outbox";

    public async Task<bool> SendAsync(TextMessage message, CancellationToken ct)
    {
        await outbox.WriteAsync(message, clock.GetUtcNow().UtcDateTime, ct);
        return await log.SendAsync(message, ct);
    }
}
