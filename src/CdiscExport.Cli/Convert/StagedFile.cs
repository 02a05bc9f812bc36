namespace CdiscExport.Cli.Convert;

/// <summary>A converted file is written beside its target as <c>.partial</c> and moved over it only once complete.</summary>
internal static class StagedFile
{
    public static long Write(string output, Func<string, long> write)
    {
        var temporary = output + ".partial";
        try
        {
            var rows = write(temporary);
            File.Move(temporary, output, overwrite: true);
            return rows;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
