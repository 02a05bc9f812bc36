using CdiscExport.Core.DatasetJson;
using CdiscExport.DatasetJson;
using CdiscExport.Xpt;

namespace CdiscExport.Core.Tests.DatasetJson;

/// <summary>The one mapping between XPT variables and Dataset-JSON columns, both directions.</summary>
public sealed class DatasetJsonXptTests
{
    public static TheoryData<XptVariable, DatasetJsonDataType, DatasetJsonTargetDataType?, string?> Columns => new()
    {
        { XptVariable.Character("USUBJID", "Unique Subject Identifier", 20), DatasetJsonDataType.String, null, null },
        { XptVariable.Character("AESTDTC", "Start Date/Time of Adverse Event", 19), DatasetJsonDataType.DateTime, null, null },
        { XptVariable.Numeric("AGE", "Age"), DatasetJsonDataType.Double, null, null },
        { XptVariable.Numeric("AVAL", "Analysis Value") with { FormatLength = 8, FormatDecimals = 2 }, DatasetJsonDataType.Double, null, "8.2" },
        { XptVariable.Numeric("TRTSDT", "Date of First Exposure") with { Format = "DATE", FormatLength = 9 }, DatasetJsonDataType.Date, DatasetJsonTargetDataType.Integer, "DATE9." },
        { XptVariable.Numeric("TRTSDTM", "Datetime of First Exposure") with { Format = "E8601DT", FormatLength = 19 }, DatasetJsonDataType.DateTime, DatasetJsonTargetDataType.Integer, "E8601DT19." },
        { XptVariable.Numeric("ASTTM", "Analysis Start Time") with { Format = "TIME", FormatLength = 8 }, DatasetJsonDataType.Time, DatasetJsonTargetDataType.Integer, "TIME8." },
    };

    [Theory]
    [MemberData(nameof(Columns))]
    public void ToColumn_AndBack_TypeFormatAndLengthKept(XptVariable variable, DatasetJsonDataType type, DatasetJsonTargetDataType? target, string? format)
    {
        var column = DatasetJsonXpt.ToColumn("AE", variable);
        column.ItemOid.ShouldBe("IT.AE." + variable.Name);
        column.DataType.ShouldBe(type);
        column.TargetDataType.ShouldBe(target);
        column.DisplayFormat.ShouldBe(format);
        column.Length.ShouldBe(variable.Type == XptVariableType.Character ? variable.Length : null);

        DatasetJsonXpt.ToXptVariable(column).ShouldBe(variable);
    }

    [Fact]
    public void ToXptVariable_CharacterWithoutLength_TakesTheLongestValue()
    {
        var column = new DatasetJsonColumn("IT.AE.AESTDTC", "AESTDTC", "Start", DatasetJsonDataType.DateTime);
        DatasetJsonXpt.ToXptVariable(column, 16).ShouldBe(XptVariable.Character("AESTDTC", "Start", 16));
        DatasetJsonXpt.ToXptVariable(column, 0).Length.ShouldBe(1);
    }

    [Theory]
    [InlineData(DatasetJsonDataType.Integer, null, true)]
    [InlineData(DatasetJsonDataType.Decimal, DatasetJsonTargetDataType.Decimal, true)]
    [InlineData(DatasetJsonDataType.Boolean, null, true)]
    [InlineData(DatasetJsonDataType.Date, DatasetJsonTargetDataType.Integer, true)]
    [InlineData(DatasetJsonDataType.Date, null, false)]
    [InlineData(DatasetJsonDataType.DateTime, null, false)]
    [InlineData(DatasetJsonDataType.String, null, false)]
    [InlineData(DatasetJsonDataType.Uri, null, false)]
    public void IsNumeric_ByDataTypeAndTarget(DatasetJsonDataType type, DatasetJsonTargetDataType? target, bool numeric) =>
        DatasetJsonXpt.IsNumeric(new DatasetJsonColumn("IT.X.A", "A", "A", type) { TargetDataType = target }).ShouldBe(numeric);

    [Fact]
    public void UncarriedFields_InformatJustificationShortNumeric_Named()
    {
        DatasetJsonXpt.UncarriedFields(XptVariable.Numeric("AGE", "Age")).ShouldBeEmpty();
        DatasetJsonXpt.UncarriedFields(XptVariable.Numeric("AGE", "Age") with { Informat = "BEST", InformatLength = 12, Justification = XptJustification.Right, Length = 4 })
            .ShouldBe(["informat", "justification", "length 4"]);
    }
}
