namespace CdiscExport.Core.Datasets;

/// <summary>
/// A tabulation or analysis dataset: a name, a label and columns of equal length, in variable order.
/// Immutable: derivations return a new dataset that shares the columns they did not touch.
/// </summary>
public sealed class Dataset
{
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a dataset; every column must have the same number of values.</summary>
    /// <exception cref="ArgumentException">Columns differ in length or a name repeats.</exception>
    public Dataset(string name, string label, IReadOnlyList<DatasetColumn> columns)
    {
        Name = name;
        Label = label;
        Columns = columns;
        RowCount = columns.Count == 0 ? 0 : columns[0].Count;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Count != RowCount)
            {
                throw new ArgumentException(
                    $"{name}.{columns[i].Name} has {columns[i].Count} values, but {name} has {RowCount} rows.");
            }

            if (!_index.TryAdd(columns[i].Name, i))
            {
                throw new ArgumentException($"{name} has the variable {columns[i].Name} twice.");
            }
        }
    }

    /// <summary>The dataset name, e.g. <c>LB</c> or <c>SUPPAE</c>.</summary>
    public string Name { get; }

    /// <summary>The dataset label, e.g. <c>Laboratory Test Results</c>.</summary>
    public string Label { get; }

    /// <summary>The columns, in variable order.</summary>
    public IReadOnlyList<DatasetColumn> Columns { get; }

    /// <summary>The number of records.</summary>
    public int RowCount { get; }

    /// <summary>True when the dataset has a variable of that name.</summary>
    public bool Has(string variable) => _index.ContainsKey(variable);

    /// <summary>The column of that name.</summary>
    /// <exception cref="KeyNotFoundException">No such variable.</exception>
    public DatasetColumn this[string variable] =>
        _index.TryGetValue(variable, out var i)
            ? Columns[i]
            : throw new KeyNotFoundException($"{Name} has no variable {variable}.");

    /// <summary>The character column of that name.</summary>
    public CharacterColumn Text(string variable) =>
        this[variable] as CharacterColumn ?? throw new InvalidOperationException($"{Name}.{variable} is not character.");

    /// <summary>The numeric column of that name.</summary>
    public NumericColumn Number(string variable) =>
        this[variable] as NumericColumn ?? throw new InvalidOperationException($"{Name}.{variable} is not numeric.");

    /// <summary>A copy with <paramref name="column"/> replacing the variable of the same name, or appended.</summary>
    public Dataset WithColumn(DatasetColumn column)
    {
        var columns = Columns.ToList();
        if (_index.TryGetValue(column.Name, out var i))
        {
            columns[i] = column;
        }
        else
        {
            columns.Add(column);
        }

        return new Dataset(Name, Label, columns);
    }

    /// <summary>A copy with the columns in the given order; names not listed are dropped.</summary>
    public Dataset Select(IEnumerable<string> variables) =>
        new(Name, Label, variables.Select(v => this[v]).ToList());

    /// <summary>A copy holding the rows named by <paramref name="order"/>, in that order.</summary>
    public Dataset Reorder(IReadOnlyList<int> order) =>
        new(Name, Label, Columns.Select(c => c.Reorder(order)).ToList());
}
