using CdiscExport.Core.Dates;
using CdiscExport.Core.Datasets;
using NodaTime;

namespace CdiscExport.Adam;

/// <summary>Shared plumbing for derivations: subject keys, ISO dates, new columns.</summary>
internal static class Derivations
{
    public const string Usubjid = "USUBJID";

    /// <summary>SAS date value of a date, or null.</summary>
    public static double? SasDays(LocalDate? date) => date is { } d ? SasDate.ToSasDays(d) : null;

    /// <summary>The date of a SAS date value, or null.</summary>
    public static LocalDate? FromSasDays(double? days) => days is { } d ? SasDate.FromSasDays(d) : null;

    /// <summary>Character column of <paramref name="name"/> with one value per ADSL subject.</summary>
    public static Dataset WithSubjectText(this Dataset adsl, string name, string label, Func<string, string?> value)
    {
        var usubjid = adsl.Text(Usubjid);
        return adsl.WithRowText(name, label, r => value(usubjid[r]));
    }

    /// <summary>Numeric column of <paramref name="name"/> with one value per ADSL subject.</summary>
    public static Dataset WithSubjectNumber(this Dataset adsl, string name, string label, Func<string, double?> value)
    {
        var usubjid = adsl.Text(Usubjid);
        return adsl.WithRowNumber(name, label, r => value(usubjid[r]));
    }

    /// <summary>
    /// Character column of <paramref name="name"/> from a value per subject, computed at the subject's representative
    /// ADSL row (see <see cref="SubjectRows"/>).
    /// </summary>
    public static Dataset WithSubjectText(this Dataset adsl, SubjectRows subjects, string name, string label, Func<int, string?> valueAt) =>
        adsl.WithRowText(name, label, r => valueAt(subjects.RepresentativeOf(r)));

    /// <summary>
    /// Numeric column of <paramref name="name"/> from a value per subject, computed at the subject's representative
    /// ADSL row (see <see cref="SubjectRows"/>).
    /// </summary>
    public static Dataset WithSubjectNumber(this Dataset adsl, SubjectRows subjects, string name, string label, Func<int, double?> valueAt) =>
        adsl.WithRowNumber(name, label, r => valueAt(subjects.RepresentativeOf(r)));

    /// <summary>Character column computed row by row.</summary>
    public static Dataset WithRowText(this Dataset dataset, string name, string label, Func<int, string?> value)
    {
        WarnIfPresent(dataset, name);
        var values = new string?[dataset.RowCount];
        for (var r = 0; r < values.Length; r++)
        {
            values[r] = value(r);
        }

        return dataset.WithColumn(CharacterColumn.FromArray(new VariableMetadata(name, label, VariableKind.Character), values));
    }

    /// <summary>Numeric column computed row by row.</summary>
    public static Dataset WithRowNumber(this Dataset dataset, string name, string label, Func<int, double?> value)
    {
        WarnIfPresent(dataset, name);
        var values = new double?[dataset.RowCount];
        for (var r = 0; r < values.Length; r++)
        {
            values[r] = value(r);
        }

        return dataset.WithColumn(NumericColumn.FromArray(new VariableMetadata(name, label, VariableKind.Numeric), values));
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
