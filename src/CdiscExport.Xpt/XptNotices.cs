namespace CdiscExport.Xpt;

/// <summary>A non-ASCII text replaced by ASCII because <see cref="XptWriterOptions.TransliterateNonAscii"/> is on.</summary>
/// <param name="Variable">The variable, or null for the dataset label.</param>
/// <param name="RowNumber">1-based row, or null for a label.</param>
/// <param name="Original">The text given.</param>
/// <param name="Written">The ASCII text written.</param>
public sealed record XptTransliteration(string? Variable, long? RowNumber, string Original, string Written);

/// <summary>
/// A number that rounds to or beyond the largest IBM magnitude, (1 − 2^-56) × 16^63 (about 7.237e75), written as that
/// maximum with the value's sign. A file holding the IBM maximum reads it as 16^63 (the nearest double), which is
/// written back as the same bytes: XPT to XPT stays byte-exact, and reports it here.
/// </summary>
/// <param name="Variable">The variable.</param>
/// <param name="RowNumber">1-based row.</param>
/// <param name="Value">The value given.</param>
public sealed record XptOverflow(string Variable, long RowNumber, double Value);

/// <summary>A non-zero number below the IBM range (about 5.4e-79) that was written as 0.</summary>
/// <param name="Variable">The variable.</param>
/// <param name="RowNumber">1-based row.</param>
/// <param name="Value">The value given.</param>
public sealed record XptUnderflow(string Variable, long RowNumber, double Value);
