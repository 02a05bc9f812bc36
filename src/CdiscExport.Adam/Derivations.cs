using CdiscExport.Core.Dates;
using CdiscExport.Core.Datasets;
using NodaTime;

namespace CdiscExport.Adam;

/// <summary>Shared plumbing for derivations: subject keys, row grouping, ISO dates, new columns.</summary>
internal static class Derivations
{
    public const string Usubjid = "USUBJID";

    /// <summary>Rows of <paramref name="source"/> by USUBJID, in file order, optionally filtered.</summary>
    public static Dictionary<string, List<int>> RowsBySubject(Dataset source, Func<int, bool>? filter = null)
    {
        var result = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var usubjid = source.Text(Usubjid);
        for (var row = 0; row < source.RowCount; row++)
        {
            if (filter is null || filter(row))
            {
                if (!result.TryGetValue(usubjid[row], out var list))
                {
                    result[usubjid[row]] = list = [];
                }

                list.Add(row);
            }
        }

        return result;
    }

    /// <summary>The complete date of an ISO 8601 value (time ignored); null when blank or partial.</summary>
    public static LocalDate? ParseDate(string iso) =>
        iso.Length >= 10 && PartialDateTime.TryParse(iso.AsSpan(0, 10), out var value) ? value.Date : null;

    /// <summary>SAS date value of a date, or null.</summary>
    public static double? SasDays(LocalDate? date) => date is { } d ? SasDate.ToSasDays(d) : null;

    /// <summary>The date of a SAS date value, or null.</summary>
    public static LocalDate? FromSasDays(double? days) => days is { } d ? SasDate.FromSasDays(d) : null;

    /// <summary>Character column of <paramref name="name"/> with one value per ADSL subject.</summary>
    public static Dataset WithSubjectText(this Dataset adsl, string name, string label, Func<string, string?> value)
    {
        WarnIfPresent(adsl, name);
        var usubjid = adsl.Text(Usubjid);
        return adsl.WithColumn(new CharacterColumn(new VariableMetadata(name, label, VariableKind.Character),
            Enumerable.Range(0, adsl.RowCount).Select(r => value(usubjid[r]))));
    }

    /// <summary>Numeric column of <paramref name="name"/> with one value per ADSL subject.</summary>
    public static Dataset WithSubjectNumber(this Dataset adsl, string name, string label, Func<string, double?> value)
    {
        WarnIfPresent(adsl, name);
        var usubjid = adsl.Text(Usubjid);
        return adsl.WithColumn(new NumericColumn(new VariableMetadata(name, label, VariableKind.Numeric),
            Enumerable.Range(0, adsl.RowCount).Select(r => value(usubjid[r]))));
    }

    /// <summary>Character column computed row by row.</summary>
    public static Dataset WithRowText(this Dataset dataset, string name, string label, Func<int, string?> value)
    {
        WarnIfPresent(dataset, name);
        return dataset.WithColumn(new CharacterColumn(new VariableMetadata(name, label, VariableKind.Character),
            Enumerable.Range(0, dataset.RowCount).Select(value)));
    }

    /// <summary>Numeric column computed row by row.</summary>
    public static Dataset WithRowNumber(this Dataset dataset, string name, string label, Func<int, double?> value)
    {
        WarnIfPresent(dataset, name);
        return dataset.WithColumn(new NumericColumn(new VariableMetadata(name, label, VariableKind.Numeric),
            Enumerable.Range(0, dataset.RowCount).Select(value)));
    }

    /// <summary>Derivations warn, not fail, when the target exists (STYLE.md 7); the value is replaced.</summary>
    private static void WarnIfPresent(Dataset dataset, string name)
    {
        if (dataset.Has(name))
        {
            Warnings.Add($"{dataset.Name}.{name} already exists and is replaced");
        }
    }

    /// <summary>Warnings of the current thread's derivations (read and cleared by the program).</summary>
    [ThreadStatic]
    private static List<string>? _warnings;

    public static List<string> Warnings => _warnings ??= [];
}
