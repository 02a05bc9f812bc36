using CdiscExport.Core.Datasets;
using CdiscExport.Core.Standards;
using CdiscExport.Mapping.Specs;
using System.Text.RegularExpressions;

namespace CdiscExport.Adam.Metadata;

/// <summary>
/// ADaM variable metadata: ADaMIG 1.3 (label, core, codelist; placeholders such as TRTxxP resolved) overlaid with the
/// study spec (label, origin, source, method, extended values). Sets <see cref="VariableMetadata"/> so the XPT writer
/// and a Define-XML writer read the same values.
/// </summary>
internal static class AdamMetadata
{
    /// <summary>
    /// The dataset's variables in spec order, each with its metadata; a spec variable the derivations did not
    /// produce is an error, a produced variable the spec does not list is dropped.
    /// </summary>
    /// <param name="dataset">The derived dataset.</param>
    /// <param name="structure">ADaMIG structure: ADSL or BDS.</param>
    /// <param name="variables">The spec's variables.</param>
    /// <param name="adamig">ADaMIG, or null to use the spec alone.</param>
    /// <exception cref="SpecException">The spec lists a variable no derivation produces.</exception>
    public static Dataset Apply(Dataset dataset, string structure, IReadOnlyList<VariableSpec> variables, ImplementationGuide? adamig)
    {
        var columns = new List<DatasetColumn>();
        foreach (var v in variables)
        {
            if (!dataset.Has(v.Name))
            {
                var reason = $"{dataset.Name}: the spec lists {v.Name}, which no derivation produces";
                throw v.Location?.Error("name", reason) ?? new SpecException(dataset.Name, 0, 0, "name", reason);
            }

            var column = dataset[v.Name];
            columns.Add(column.WithMetadata(Describe(column.Metadata, structure, v, adamig)));
        }

        return new Dataset(dataset.Name, dataset.Label, columns);
    }

    /// <summary>
    /// An ADaMIG label with its placeholder filled from the variable's digits: "Pooled Age Group y" for AGEGR1 is
    /// "Pooled Age Group 1", "Analysis Flag zz" for ANL01FL is "Analysis Flag 01".
    /// </summary>
    internal static string ResolvePlaceholderLabel(string label, string name)
    {
        var digits = Regex.Match(name, "[0-9]+").Value;
        if (digits.Length == 0)
        {
            return label;
        }

        var two = digits.Length >= 2 ? digits[..2] : digits.PadLeft(2, '0');
        var one = digits[^1..];
        label = Regex.Replace(label, @"\b(xx|zz)\b", two);
        return Regex.Replace(label, @"\b(y|w)\b", one);
    }

    /// <summary>
    /// ADaMIG 1.3 section 3.1.4: numeric dates (*DT), datetimes (*DTM) and times (*TM) carry a SAS display format.
    /// </summary>
    internal static string? DateFormat(string name) =>
        name.EndsWith("DTM", StringComparison.Ordinal) ? "DATETIME20."
        : name.EndsWith("DT", StringComparison.Ordinal) ? "DATE9."
        : name.EndsWith("TM", StringComparison.Ordinal) ? "TIME8."
        : null;

    /// <summary>One variable's metadata: ADaMIG first, then the spec, then what the derivation said.</summary>
    internal static VariableMetadata Describe(VariableMetadata derived, string structure, VariableSpec spec, ImplementationGuide? adamig)
    {
        var ig = adamig?.FindVariable(structure, spec.Name) ?? (structure == "BDS" ? null : adamig?.FindVariable("BDS", spec.Name));
        var label = spec.Label ?? (ig is not null ? ResolvePlaceholderLabel(ig.Label, spec.Name) : null) ?? derived.Label;
        return derived with
        {
            Label = label.Length > 40 ? label[..40] : label,
            Core = ig?.Core.ToString() ?? derived.Core,
            CodelistName = spec.Codelist ?? ig?.CodelistNames.FirstOrDefault() ?? derived.CodelistName,
            CodelistCode = spec.Codelist is null ? ig?.CodelistCodes.FirstOrDefault() ?? derived.CodelistCode : null,
            Role = ig?.Role ?? derived.Role,
            Origin = spec.Origin ?? (spec.Source is not null ? "Predecessor" : "Derived"),
            Source = spec.Source,
            Method = spec.Method,
            ExtendedValues = spec.ExtendedValues ?? [],
            DisplayFormat = derived.Kind == VariableKind.Numeric ? DateFormat(spec.Name) : null,
        };
    }
}
