using System.Text;

namespace CdiscExport.Mapping.Raw;

/// <summary>
/// Text encodings by the names people give them: .NET's (<c>iso-8859-1</c>, <c>windows-1252</c>), Python's and R's
/// (<c>latin-1</c>, <c>latin1</c>, <c>cp1252</c>, <c>utf-8-sig</c>, <c>utf8</c>), case, <c>_</c> and <c>-</c> aside.
/// </summary>
internal static class RawEncodings
{
    /// <summary>Names offered in the error for an unknown one.</summary>
    public static readonly string[] Examples = ["utf-8", "utf-8-sig", "latin-1", "cp1252", "windows-1252", "iso-8859-15", "cp850", "utf-16"];

    /// <summary>The encoding named <paramref name="name"/>, or null when no spelling of it is known.</summary>
    public static Encoding? Find(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var key = name.Trim().ToLowerInvariant().Replace('_', '-');
        key = key switch
        {
            "utf8" or "utf-8-sig" or "utf8-sig" or "utf-8-bom" => "utf-8",
            "latin-1" or "latin1" or "l1" or "iso8859-1" or "iso-8859-1" or "8859-1" => "iso-8859-1",
            "latin-9" or "latin9" or "iso8859-15" => "iso-8859-15",
            "ansi" => "windows-1252",
            _ when key.StartsWith("cp125", StringComparison.Ordinal) => "windows-" + key[2..],
            _ when key.StartsWith("cp", StringComparison.Ordinal) && key[2..].All(char.IsAsciiDigit) => "ibm" + key[2..],
            _ => key,
        };

        try
        {
            var encoding = Encoding.GetEncoding(key);
            // UTF-8 is read with or without a byte order mark, whichever name was given.
            return encoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false) : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
