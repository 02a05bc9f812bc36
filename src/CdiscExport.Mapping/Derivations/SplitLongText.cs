using CdiscExport.Core.Datasets;

namespace CdiscExport.Mapping.Derivations;

/// <summary>Text longer than XPT v5 can hold (200 characters).</summary>
internal static class SplitLongTextExtension
{
    public const int Limit = 200;

    /// <summary>
    /// Splits --TERM-style values longer than 200 characters as SDTMIG 3.4 section 4.5.3.2 prescribes: the first 200
    /// characters stay in the variable, the rest go to SUPP-- as QNAM <c>AETERM1</c>, <c>AETERM2</c>..., split between
    /// words (each later piece starts with the blank it was split at, so concatenating the pieces gives the value back).
    /// Returns the new working columns (<c>_SUPP_AETERM1</c>...) and their SUPP-- descriptions. Any other variable with a
    /// longer value is a mapping failure naming the raw row, via <paramref name="tooLong"/>.
    /// </summary>
    public static Dataset SplitLongText(this Dataset dataset, List<SuppVariable> supp, Func<int, string, Exception> tooLong)
    {
        foreach (var column in dataset.Columns.OfType<CharacterColumn>().Where(c => !c.Name.StartsWith('_')).ToList())
        {
            if (column.LongestValue() <= Limit)
            {
                continue;
            }

            if (!column.Name.EndsWith("TERM", StringComparison.Ordinal))
            {
                var row = Enumerable.Range(0, column.Count).First(r => column[r].Length > Limit);
                throw tooLong(row, column.Name);
            }

            var pieces = Enumerable.Range(0, column.Count).Select(r => Split(column[r])).ToList();
            var count = pieces.Max(p => p.Count);
            dataset = dataset.WithColumn(new CharacterColumn(column.Metadata, pieces.Select(p => p[0])));
            for (var i = 1; i < count; i++)
            {
                var qnam = column.Name.Length < 8 ? column.Name + i : column.Name[..7] + i;
                supp.Add(new SuppVariable(qnam, $"{column.Metadata.Label} {i}".Trim(), "CRF", string.Empty));
                dataset = dataset.WithColumn(new CharacterColumn(new VariableMetadata("_SUPP_" + qnam, qnam, VariableKind.Character),
                    pieces.Select(p => i < p.Count ? p[i] : string.Empty)));
            }
        }

        return dataset;
    }

    internal static List<string> Split(string value)
    {
        var pieces = new List<string>();
        var rest = value;
        while (rest.Length > Limit)
        {
            var cut = rest.LastIndexOf(' ', Limit);
            cut = cut <= 0 ? Limit : cut;
            pieces.Add(rest[..cut]);
            rest = rest[cut..];
        }

        pieces.Add(rest);
        return pieces;
    }
}
