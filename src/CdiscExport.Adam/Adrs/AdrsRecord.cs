using CdiscExport.Adam.Response;
using NodaTime;

namespace CdiscExport.Adam.Adrs;

/// <summary>One ADRS record before it becomes a dataset row.</summary>
internal sealed record AdrsRecord(string Usubjid, string Paramcd, ResponseCategory Category, LocalDate? Adt)
{
    public string Visit { get; init; } = "";

    public double? Visitnum { get; init; }

    public string Anl01fl { get; init; } = "";

    public string Srcdom { get; init; } = "";

    public string Srcvar { get; init; } = "";

    public double? Srcseq { get; init; }
}

/// <summary>What a BOR-type parameter needs per subject: first dose and add-on start.</summary>
internal sealed record SubjectDates(LocalDate? FirstDose, LocalDate? AddOnStart);
