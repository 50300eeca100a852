using System.IO.Compression;
using System.Text;

namespace Fazhi.Platform.Features.Attachments;

/// <summary>A file type the platform accepts, recognised by its bytes.</summary>
internal sealed record FileKind(string Name, string ContentType, string[] Extensions);

/// <summary>
/// The attachment type allow-list, checked on the bytes (magic numbers, the package parts of Office Open XML, the
/// directory of OLE compound files, strict UTF-8 for text). The declared extension must agree with what is detected.
/// </summary>
internal static class FileTypes
{
    public static readonly FileKind Pdf = new("PDF 文档", "application/pdf", [".pdf"]);
    public static readonly FileKind Png = new("PNG 图片", "image/png", [".png"]);
    public static readonly FileKind Jpeg = new("JPEG 图片", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly FileKind Gif = new("GIF 图片", "image/gif", [".gif"]);
    public static readonly FileKind Docx = new("Word 文档", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly FileKind Xlsx = new("Excel 表格", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly FileKind Doc = new("Word 97-2003 文档", "application/msword", [".doc"]);
    public static readonly FileKind Xls = new("Excel 97-2003 表格", "application/vnd.ms-excel", [".xls"]);
    public static readonly FileKind Mp3 = new("MP3 音频", "audio/mpeg", [".mp3"]);
    public static readonly FileKind Mp4 = new("MP4 视频", "video/mp4", [".mp4"]);
    public static readonly FileKind Text = new("文本文件", "text/plain; charset=utf-8", [".txt"]);

    public static IReadOnlyList<FileKind> Allowed { get; } = [Pdf, Png, Jpeg, Gif, Docx, Xlsx, Doc, Xls, Mp3, Mp4, Text];

    public static string AllowedExtensions { get; } = string.Join("、", Allowed.SelectMany(k => k.Extensions));

    public static FileKind? ForExtension(string extension) =>
        Allowed.FirstOrDefault(k => k.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));

    /// <summary>What the bytes are: an allowed kind, or a description of what was found instead.</summary>
    public static (FileKind? Kind, string Found) Detect(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> head = stackalloc byte[512];
        var n = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..n];
        if (head.StartsWith("%PDF-"u8))
        {
            return (Pdf, Pdf.Name);
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return (Png, Png.Name);
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return (Jpeg, Jpeg.Name);
        }
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return (Gif, Gif.Name);
        }
        if (head.StartsWith("PK\x03\x04"u8))
        {
            file.Position = 0;
            return OfficeOpenXml(file);
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            file.Position = 0;
            return CompoundFile(file);
        }
        if (head.StartsWith("ID3"u8) || (n >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0))
        {
            return (Mp3, Mp3.Name);
        }
        if (n >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return (Mp4, Mp4.Name);
        }
        if (head.StartsWith("MZ"u8))
        {
            return (null, "Windows 可执行程序");
        }
        if (n >= 4 && head[0] == 0x7F && head[1..4].SequenceEqual("ELF"u8))
        {
            return (null, "Linux 可执行程序");
        }
        file.Position = 0;
        return IsUtf8Text(file) ? (Text, Text.Name) : (null, "未知的二进制内容");
    }

    /// <summary>A zip is .docx or .xlsx only with the package's [Content_Types].xml and the word/ or xl/ part.</summary>
    private static (FileKind?, string) OfficeOpenXml(Stream file)
    {
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (names.Contains("[Content_Types].xml"))
            {
                if (names.Any(x => x.StartsWith("word/", StringComparison.Ordinal)))
                {
                    return (Docx, Docx.Name);
                }
                if (names.Any(x => x.StartsWith("xl/", StringComparison.Ordinal)))
                {
                    return (Xlsx, Xlsx.Name);
                }
            }
            return (null, "ZIP 压缩包");
        }
        catch (InvalidDataException)
        {
            return (null, "损坏的 ZIP 内容");
        }
    }

    /// <summary>An OLE compound file is .doc with a WordDocument stream, .xls with a Workbook (or Book) stream.</summary>
    private static (FileKind?, string) CompoundFile(Stream file)
    {
        var header = new byte[512];
        if (file.ReadAtLeast(header, 512, throwOnEndOfStream: false) < 512)
        {
            return (null, "损坏的 Office 文档");
        }
        var sectorShift = BitConverter.ToUInt16(header, 0x1E);
        var firstDirSector = BitConverter.ToUInt32(header, 0x30);
        if (sectorShift is not (9 or 12) || firstDirSector > 0x10000000)
        {
            return (null, "损坏的 Office 文档");
        }
        var sectorSize = 1 << sectorShift;
        var offset = (long)(firstDirSector + 1) * sectorSize;
        if (offset + sectorSize > file.Length)
        {
            return (null, "损坏的 Office 文档");
        }
        file.Position = offset;
        var dir = new byte[sectorSize];
        file.ReadExactly(dir);
        for (var i = 0; i + 128 <= dir.Length; i += 128)
        {
            var nameBytes = Math.Min(64, (int)BitConverter.ToUInt16(dir, i + 64));
            var name = Encoding.Unicode.GetString(dir, i, Math.Max(0, nameBytes - 2));
            if (name == "WordDocument")
            {
                return (Doc, Doc.Name);
            }
            if (name is "Workbook" or "Book")
            {
                return (Xls, Xls.Name);
            }
        }
        return (null, "其他 OLE 复合文档");
    }

    /// <summary>Strict UTF-8 (an optional BOM allowed), no NUL and no control characters other than tab, CR, LF, FF.</summary>
    private static bool IsUtf8Text(Stream file)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[64 * 1024 + 4];
        try
        {
            int read;
            while ((read = file.Read(bytes, 0, bytes.Length)) > 0)
            {
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                foreach (var c in chars.AsSpan(0, count))
                {
                    if (c < 0x20 && c is not ('\t' or '\r' or '\n' or '\f'))
                    {
                        return false;
                    }
                }
            }
            return decoder.GetCharCount([], 0, 0, flush: true) == 0;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
