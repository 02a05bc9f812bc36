using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Algorithms;

/// <summary>
/// <c>date: COLUMN, format: DDMONYYYY (or a list of formats, tried in turn) [, time: COLUMN, time_format: "HH:MM"]</c> — a raw date (and optional time)
/// to ISO 8601, partial dates kept partial (<c>UN MAY 2006</c> becomes <c>2006-05</c>). A date no calendar has
/// (30FEB2006) is an error naming the raw value.
/// </summary>
internal sealed class DateAlgorithm : IDateTimeAlgorithm
{
    private readonly ValueRef _date;
    private readonly ValueRef? _time;
    private readonly RawDateConverter _converter;

    public DateAlgorithm(SpecNode node, ValueRef date, IReadOnlyList<string> formats, ValueRef? time, string? timeFormat)
    {
        Node = node;
        _date = date;
        _time = time;
        _converter = new RawDateConverter(RawDatePatterns.Create(node, formats, timeFormat));
    }

    public SpecNode Node { get; }

    public void Bind(BindScope scope)
    {
        _date.Bind(scope);
        _time?.Bind(scope);
    }

    public string Evaluate(RecordContext context) => EvaluateDateTime(context).Text;

    public IsoDateTime EvaluateDateTime(RecordContext context)
    {
        var date = _date.Get(context);
        if (date.Length == 0)
        {
            return IsoDateTime.Missing;
        }

        var time = _time?.Get(context);
        return _converter.ToDateTime(date, time, _date.RawColumn);
    }
}
