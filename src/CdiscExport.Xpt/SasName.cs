namespace CdiscExport.Xpt;

/// <summary>SAS name rules shared by the writer's validation: letters, digits, '_', no leading digit, no reserved names.</summary>
internal static class SasName
{
    private static readonly string[] Reserved = ["_N_", "_ERROR_", "_NUMERIC_", "_CHARACTER_", "_ALL_"];

    public static bool IsValid(string name, int limit)
    {
        if (name.Length == 0 || name.Length > limit || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        foreach (var reserved in Reserved)
        {
            if (string.Equals(name, reserved, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
