using CdiscExport.Mapping.Raw;
using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// <c>aggregate: {form: exposure, on: SUBJID, key: SUBJID, value: STDAT, format: DDMONYYYY, pick: min, where: {...}}</c>
/// — a join to another form that collapses its matching rows to one value: the earliest or latest date (RFXSTDTC,
/// RFXENDTC), or the first or last value in file order. <c>on</c> is the other form's key column, <c>key</c> the name
/// in this record that must equal it. Dates are compared as ISO 8601 text, so a partial date sorts before the complete
/// dates of the same month: a reference date should come from complete dates, which the data manager can see in the
/// reconciliation of the source form.
/// </summary>
internal sealed class AggregateAlgorithm(
    SpecNode node,
    string formName,
    string onColumn,
    ValueRef key,
    string valueColumn,
    IReadOnlyList<string>? format,
    string? timeColumn,
    string? timeFormat,
    string pick,
    SpecNode? where) : IAlgorithm
{
    private static readonly string[] Picks = ["min", "max", "first", "last"];
    private IReadOnlyDictionary<string, List<RawRow>>? _index;
    private RawForm? _form;
    private int _value;
    private int _time = -1;
    private RawDateConverter? _converter;
    private List<(int Ordinal, Func<string, bool> Test)> _filters = [];

    public SpecNode Node { get; } = node;

    public void Bind(BindScope scope)
    {
        if (!Picks.Contains(pick))
        {
            throw Node.Error(MappingMessages.NotKnown("pick", pick), Picks);
        }

        key.Bind(scope);
        if (!scope.Forms.Exists(formName))
        {
            throw Node.Error(MappingMessages.NoSuchForm(formName, scope.Forms.PathOf(formName)));
        }

        _form = scope.Forms.Get(formName);
        var on = Column(_form, onColumn);
        _value = Column(_form, valueColumn);
        if (timeColumn is not null)
        {
            _time = Column(_form, timeColumn);
        }

        if (format is not null)
        {
            _converter = new RawDateConverter(RawDatePatterns.Create(Node, format, timeFormat));
        }

        _filters = [];
        if (where is not null)
        {
            foreach (var (column, test) in where.Entries())
            {
                var values = test.Strings();
                _filters.Add((Column(_form, column), v => values.Contains(v, StringComparer.Ordinal)));
            }
        }

        _index = _form.IndexBy(on);
    }

    public string Evaluate(RecordContext context)
    {
        if (!_index!.TryGetValue(key.Get(context), out var rows))
        {
            return string.Empty;
        }

        string? best = null;
        foreach (var row in rows)
        {
            if (!Selected(row))
            {
                continue;
            }

            var raw = _form!.Get(row, _value);
            if (raw.Length == 0)
            {
                continue;
            }

            string value;
            try
            {
                value = _converter is null
                    ? raw
                    : _converter.ToDateTime(raw, _time >= 0 ? _form.Get(row, _time) : null, valueColumn).Text;
            }
            catch (MappingFailure f)
            {
                throw new MappingFailure(valueColumn, MappingMessages.AtLine(_form.Path, row.Line, f.Message));
            }

            if (value.Length == 0)
            {
                continue;
            }

            best = pick switch
            {
                "first" => best ?? value,
                "last" => value,
                "min" => best is null || string.CompareOrdinal(value, best) < 0 ? value : best,
                _ => best is null || string.CompareOrdinal(value, best) > 0 ? value : best,
            };

            if (pick == "first")
            {
                break;
            }
        }

        return best ?? string.Empty;
    }

    private bool Selected(RawRow row)
    {
        foreach (var (ordinal, test) in _filters)
        {
            if (!test(_form!.Get(row, ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private int Column(RawForm form, string column)
    {
        var i = form.Ordinal(column);
        return i >= 0 ? i : throw Node.Error(MappingMessages.NoSuchColumn(form.Name, form.Path, column), form.Headers);
    }
}
