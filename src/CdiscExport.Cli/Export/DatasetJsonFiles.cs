using CdiscExport.Cli.Convert;
using CdiscExport.Core.DatasetJson;
using CdiscExport.Core.Datasets;
using CdiscExport.Core.Packages;
using CdiscExport.DatasetJson;
using CdiscExport.Odm;
using CdiscExport.Xpt;
using NodaTime;

namespace CdiscExport.Cli.Export;

/// <summary>
/// The datasets of one submission folder as Dataset-JSON files (<c>dm.json</c>, <c>dm.ndjson</c>, <c>dm.dsjc</c>)
/// beside the XPT files, their metadata taken from the folder's define.xml so the two agree: itemGroupOID, itemOIDs,
/// keySequence, integer/double and datetime data types, studyOID, metaDataVersionOID, and metaDataRef
/// <c>define.xml</c>.
/// </summary>
internal static class DatasetJsonFiles
{
    public static void Write(string folder, IReadOnlyList<Dataset> datasets, DefineDocument define, IEnumerable<DatasetJsonForm> forms, Instant created)
    {
        var mdv = define.Study.MetaDataVersion;
        var items = mdv.Items.ToDictionary(i => i.Oid, StringComparer.Ordinal);
        foreach (var dataset in datasets)
        {
            var group = mdv.ItemGroups.First(g => g.Name == dataset.Name);
            var xpt = dataset.ToXptDataset();
            var columns = xpt.Variables.Select((v, i) => Describe(DatasetJsonXpt.ToColumn(dataset.Name, v), group.ItemRefs[i], items)).ToArray();
            var metadata = new DatasetJsonMetadata(DatasetJsonMetadata.FormatDateTime(created.ToDateTimeOffset()), group.Oid, dataset.RowCount, dataset.Name, dataset.Label, columns)
            {
                Originator = define.Originator,
                SourceSystem = DatasetJsonConvert.SourceSystem,
                StudyOid = define.Study.Oid,
                MetaDataVersionOid = mdv.Oid,
                MetaDataRef = PackageLayout.DefineXml,
            };
            foreach (var form in forms)
            {
                using var stream = File.Create(Path.Combine(folder, dataset.Name.ToLowerInvariant() + DatasetJsonForms.Extension(form)));
                using var writer = DatasetJsonWriter.Create(stream, metadata, new DatasetJsonWriterOptions { Form = form });
                WriteRows(dataset, columns, writer);
                writer.Complete();
            }
        }
    }

    // The define's ItemRef (same order as the columns) gives the itemOID and key; its ItemDef the data type.
    private static DatasetJsonColumn Describe(DatasetJsonColumn column, ItemRef itemRef, Dictionary<string, ItemDef> items)
    {
        var dataType = column.TargetDataType is not null ? column.DataType : items[itemRef.ItemOid].DataType switch
        {
            "integer" => DatasetJsonDataType.Integer,
            "float" => DatasetJsonDataType.Double,
            "datetime" => DatasetJsonDataType.DateTime,
            "date" => DatasetJsonDataType.Date,
            "time" => DatasetJsonDataType.Time,
            _ => column.DataType,
        };
        return column with { ItemOid = itemRef.ItemOid, DataType = dataType, KeySequence = itemRef.KeySequence };
    }

    private static void WriteRows(Dataset dataset, DatasetJsonColumn[] columns, DatasetJsonWriter writer)
    {
        foreach (var values in dataset.XptRows())
        {
            for (var c = 0; c < columns.Length; c++)
            {
                DatasetJsonXpt.WriteValue(writer, columns[c], values[c]);
            }

            writer.EndRow();
        }
    }
}
