using System.Globalization;
using CdiscExport.Core.Datasets;
using CdiscExport.Core.Terminology;
using CdiscExport.Odm;
using CdiscExport.Xpt;

namespace CdiscExport.Core.Define;

/// <summary>
/// Builds the Define-XML 2.1 model of one submission folder from the very datasets written as XPT, so the two cannot
/// disagree: one ItemGroupDef per dataset (def:leaf to its XPT, or Dataset-JSON file: <see cref="DefineBuildOptions.DatasetFileExtension"/>), ItemRefs in file order, ItemDefs with the XPT type,
/// length and label, origins and methods from <see cref="VariableMetadata"/>, codelists from controlled terminology
/// (values present plus sponsor extensions flagged <c>def:ExtendedValue="Yes"</c>) and value-level metadata for
/// LB (by LBTESTCD, LBMETHOD), RS (RSTESTCD), TS (TSPARMCD), SUPP-- (QNAM) and ADRS (PARAMCD).
/// </summary>
public static class DefineBuilder
{
    /// <summary>OID of the controlled terminology def:Standard.</summary>
    private const string CtStandardOid = "STD.CT.SDTM";

    private static readonly (Func<string, bool> Applies, string[] By, string[] Targets)[] ValueLevelRules =
    [
        (d => d == "LB", ["LBTESTCD", "LBMETHOD"], ["LBORRES", "LBSTRESC", "LBSTRESN"]),
        (d => d == "RS", ["RSTESTCD"], ["RSORRES", "RSSTRESC", "RSSTRESN"]),
        (d => d == "TS", ["TSPARMCD"], ["TSVAL"]),
        (d => d.StartsWith("SUPP", StringComparison.Ordinal), ["QNAM"], ["QVAL"]),
        (d => d == "ADRS", ["PARAMCD"], ["AVALC", "AVAL"]),
        (d => d == "DS", ["DSCAT"], ["DSDECOD"]),
    ];

    /// <summary>
    /// Where the implementation guide ties a variable's codelist to another variable's value: DSDECOD takes
    /// PROTMLST for protocol milestones (SDTMIG 3.4 DS assumptions), its own codelist (NCOMPLT) otherwise.
    /// </summary>
    private static readonly (string Dataset, string Variable, string By, string Value, string Codelist)[] CodelistOverrides =
    [
        ("DS", "DSDECOD", "DSCAT", "PROTOCOL MILESTONE", "PROTMLST"),
    ];

    /// <summary>The define.xml model describing <paramref name="datasets"/> (in the order given).</summary>
    public static DefineDocument Build(IReadOnlyList<Dataset> datasets, DefineBuildOptions options)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(options);
        var state = new State(options);
        foreach (var dataset in datasets)
        {
            state.AddDataset(dataset);
        }

        var isSdtm = options.Kind == DefineKind.Sdtm;
        var ig = isSdtm ? options.Standards.Sdtmig : options.Standards.Adamig;
        var igOid = $"STD.{ig.Name}.{ig.Version}";
        var ct = options.Standards.SdtmTerminology;
        var created = options.Created.ToDateTimeUtc().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var kindName = isSdtm ? "SDTM" : "ADaM";
        var mdv = new MetaDataVersion($"MDV.{options.StudyId}.{kindName}", $"{options.StudyId} {kindName} Define-XML")
        {
            Description = $"Data definitions for the {kindName} datasets of study {options.StudyId}",
            Standards =
            [
                new Standard(igOid, ig.Name, "IG", ig.Version) { Status = "Final" },
                new Standard(CtStandardOid, "CDISC/NCI", "CT", ct.Version) { PublishingSet = "SDTM", Status = "Final" },
            ],
            ValueLists = state.ValueLists,
            WhereClauses = state.WhereClauses,
            ItemGroups = state.Groups.Select(g => g with { StandardOid = igOid }).ToList(),
            Items = state.Items,
            CodeLists = state.CodeLists(),
            Methods = state.Methods(),
            Comments = state.Comments,
        };
        return new DefineDocument($"{options.StudyId}.{kindName}.Define-XML_2.1.0", created,
            new Study($"STDY.{options.StudyId}", options.StudyId, options.StudyDescription ?? options.StudyId,
                options.ProtocolName ?? options.StudyId, mdv))
        {
            Originator = options.Originator,
            SourceSystem = options.SourceSystem,
        };
    }

    private sealed class State(DefineBuildOptions options)
    {
        private readonly Dictionary<string, (Codelist? Ct, string Name, SortedSet<string> Values, HashSet<string> Extended, bool Numeric)> codelists =
            new(StringComparer.Ordinal);

        private readonly List<string> codelistOrder = [];

        public List<ItemGroupDef> Groups { get; } = [];

        public List<ItemDef> Items { get; } = [];

        public List<ValueListDef> ValueLists { get; } = [];

        public List<WhereClauseDef> WhereClauses { get; } = [];

        public List<CommentDef> Comments { get; } = [];

        private bool IsSdtm => options.Kind == DefineKind.Sdtm;

        public void AddDataset(Dataset dataset)
        {
            var xpt = dataset.ToXptDataset();
            var name = dataset.Name;
            var keys = KeysOf(dataset);
            var refs = new List<ItemRef>();
            var items = new List<ItemDef>();
            for (var i = 0; i < dataset.Columns.Count; i++)
            {
                var column = dataset.Columns[i];
                var meta = SuppOrigin(dataset, column.Metadata);
                var itemOid = $"IT.{name}.{meta.Name}";
                var methodOid = AddMethod(name, meta);
                var keyIndex = keys.IndexOf(meta.Name);
                refs.Add(new ItemRef(itemOid, IsMandatory(meta))
                {
                    OrderNumber = i + 1,
                    KeySequence = keyIndex >= 0 ? keyIndex + 1 : null,
                    MethodOid = methodOid,
                    Role = IsSdtm && !string.IsNullOrEmpty(meta.Role) ? meta.Role : null,
                });
                var shape = column is NumericColumn numbers ? NumericShape.Of(numbers) : default;
                var item = ItemFor(itemOid, meta, column, xpt.Variables[i], shape) with
                {
                    CodeListOid = HasCodelist(meta) ? AddCodelist(meta, column, ColumnLevelValues(dataset, column)) : null,
                    Origins = OriginsOf(meta),
                    CommentOid = AddComment(name, meta) ?? AddNotCollectedComment(dataset, column),
                };
                items.Add(item);
            }

            items = AddValueLevel(dataset, items, refs, xpt);
            Items.AddRange(items);
            valuesByColumn.Clear();
            var file = name.ToLowerInvariant() + options.DatasetFileExtension;
            var leaf = new Leaf($"LF.{name}", file, file);
            var (cls, structure) = ClassOf(name);
            Groups.Add(new ItemGroupDef($"IG.{name}", name, Repeating: name is not ("DM" or "ADSL"),
                IsSdtm ? "Tabulation" : "Analysis", structure)
            {
                Domain = IsSdtm ? name : null,
                IsReferenceData = name is "TS" or "TA" or "TE" or "TI" or "TV",
                SasDatasetName = name,
                ArchiveLocationId = leaf.Id,
                Description = [new TranslatedText(dataset.Label)],
                ItemRefs = refs,
                Class = new ItemGroupClass(cls),
                Leaf = leaf,
            });
        }

        private static bool IsMandatory(VariableMetadata meta) =>
            meta.Core is { } core && (core.StartsWith("Req", StringComparison.OrdinalIgnoreCase) || core == "Required");

        private (string Class, string Structure) ClassOf(string name)
        {
            if (IsSdtm)
            {
                var standard = options.Standards.Sdtmig.FindDataset(name.StartsWith("SUPP", StringComparison.Ordinal) ? "SUPPQUAL" : name);
                var cls = (standard?.Class ?? "Special-Purpose").ToUpperInvariant().Replace('-', ' ');
                return (cls, standard?.Structure ?? "One record per subject");
            }

            return name == "ADSL"
                ? ("SUBJECT LEVEL ANALYSIS DATASET", "One record per subject")
                : ("BASIC DATA STRUCTURE", "One record per subject per parameter per analysis visit");
        }

        /// <summary>
        /// The natural keys (SDTMIG/ADaMIG: keys identify a record by its content, --SEQ only as a last resort): a
        /// standard list per dataset, then discriminators added one at a time while records are not yet unique.
        /// </summary>
        private List<string> KeysOf(Dataset d)
        {
            var p = d.Name;
            (string[] Natural, string[] Discriminators) candidates = p switch
            {
                "TS" => (["STUDYID", "TSPARMCD"], ["TSSEQ"]),
                "DM" or "ADSL" => (["STUDYID", "USUBJID"], []),
                _ when p.StartsWith("SUPP", StringComparison.Ordinal) => (["STUDYID", "RDOMAIN", "USUBJID", "IDVAR", "IDVARVAL", "QNAM"], []),
                _ when p.StartsWith("AD", StringComparison.Ordinal) => (["STUDYID", "USUBJID", "PARAMCD", "AVISITN", "ADT"], ["ATPTN", "ASEQ"]),
                _ => (["STUDYID", "USUBJID", p + "TESTCD", p + "TRT", p + "DECOD", p + "TERM", "VISITNUM", p + "DTC", p + "STDTC"],
                    [p + "SPEC", p + "METHOD", p + "CAT", p + "SCAT", p + "TPTNUM", p + "SPID", p + "SEQ"]),
            };
            var keys = candidates.Natural.Where(d.Has).ToList();
            if (keys.Contains(p + "DECOD"))
            {
                keys.Remove(p + "TERM");
            }

            // The records grouped by the keys so far, refined only when a discriminator asks whether they are unique.
            var groups = RowGroups.All(d.RowCount);
            var refined = 0;
            foreach (var extra in candidates.Discriminators.Where(d.Has))
            {
                for (; refined < keys.Count && !groups.IsUnique; refined++)
                {
                    groups = groups.By(ValuesOf(d[keys[refined]]));
                }

                if (groups.IsUnique)
                {
                    break;
                }

                keys.Add(extra);
            }

            return keys;
        }

        private readonly Dictionary<DatasetColumn, ColumnValues> valuesByColumn = new(ReferenceEqualityComparer.Instance);

        /// <summary>The distinct values of <paramref name="column"/>, indexed once per dataset.</summary>
        private ColumnValues ValuesOf(DatasetColumn column)
        {
            if (!valuesByColumn.TryGetValue(column, out var values))
            {
                values = ColumnValues.Of(column);
                valuesByColumn.Add(column, values);
            }

            return values;
        }

        /// <summary>
        /// SUPP-- variables are made by the export, not read from a spec: STUDYID, USUBJID and IDVARVAL come from the
        /// parent record (Predecessor), the others are assigned.
        /// </summary>
        private VariableMetadata SuppOrigin(Dataset d, VariableMetadata meta)
        {
            if (meta.Origin is not null || !d.Name.StartsWith("SUPP", StringComparison.Ordinal))
            {
                return meta;
            }

            if (meta.Name == "QVAL")
            {
                return meta with { Origin = d.Has("QORIG") ? QorigOrigin(ValuesOf(d["QORIG"]).Texts) : null };
            }

            var parent = d.Name["SUPP".Length..];
            return meta.Name switch
            {
                "STUDYID" or "USUBJID" => meta with { Origin = "Predecessor", Source = $"{parent}.{meta.Name}" },
                "IDVARVAL" => meta with { Origin = "Predecessor", Source = $"{parent}.{(d.RowCount > 0 && d.Has("IDVAR") ? d["IDVAR"].GetText(0) : "IDVAR")}" },
                _ => meta with { Origin = "Assigned" },
            };
        }

        /// <summary>The origin of SUPP-- QVAL values from the distinct QORIG values of their records (CRF means Collected).</summary>
        private static string? QorigOrigin(IReadOnlyList<string> values)
        {
            return values.Count != 1 ? null : values[0].ToUpperInvariant() switch
            {
                "CRF" or "COLLECTED" => "Collected",
                "DERIVED" => "Derived",
                "ASSIGNED" => "Assigned",
                "PROTOCOL" => "Protocol",
                "PREDECESSOR" => "Predecessor",
                _ => null,
            };
        }

        private static ItemDef ItemFor(string oid, VariableMetadata meta, DatasetColumn column, XptVariable xpt, NumericShape shape)
        {
            var item = new ItemDef(oid, meta.Name, "text")
            {
                SasFieldName = meta.Name,
                Description = [new TranslatedText(meta.Label)],
            };
            if (column is NumericColumn)
            {
                return item with
                {
                    DataType = shape.IsInteger ? "integer" : "float",
                    Length = shape.Digits,
                    SignificantDigits = shape.IsInteger ? null : shape.Decimals,
                };
            }

            var dataType = meta.Name.EndsWith("DTC", StringComparison.Ordinal) ? "datetime" : "text";
            return item with { DataType = dataType, Length = xpt.Length };
        }

        private static OdmList<Origin> OriginsOf(VariableMetadata meta)
        {
            var type = meta.Origin ?? (meta.Method is null ? null : "Derived");
            return type switch
            {
                null => OdmList<Origin>.Empty,
                "Collected" => [new Origin("Collected")
                {
                    Source = "Investigator",
                    Description = meta.Source is { } raw ? [new TranslatedText($"Raw form {raw}")] : OdmList<TranslatedText>.Empty,
                }],
                "Predecessor" => [new Origin("Predecessor")
                {
                    Description = [new TranslatedText(meta.Source ?? meta.Method ?? meta.Name)],
                }],
                "Assigned" or "Protocol" => [new Origin(type) { Source = "Sponsor" }],
                _ => [new Origin(type)],
            };
        }

        private readonly Dictionary<string, (string Oid, List<string> Variables)> methodsByText = new(StringComparer.Ordinal);

        private readonly Dictionary<string, string> commentsByText = new(StringComparer.Ordinal);

        /// <summary>One MethodDef per distinct description, shared by every variable derived that way.</summary>
        private string? AddMethod(string dataset, VariableMetadata meta)
        {
            if (meta.Origin is not ("Derived" or null) || (meta.Origin is null && meta.Method is null))
            {
                return null;
            }

            var text = meta.Method ?? $"{meta.Name} is derived by the export's mapping specification.";
            if (!methodsByText.TryGetValue(text, out var method))
            {
                method = ($"MT.{dataset}.{meta.Name}", []);
                methodsByText[text] = method;
            }

            method.Variables.Add($"{dataset}.{meta.Name}");
            return method.Oid;
        }

        public List<MethodDef> Methods() =>
            methodsByText.OrderBy(m => m.Value.Oid, StringComparer.Ordinal)
                .Select(m => new MethodDef(m.Value.Oid, "Algorithm to derive " + string.Join(", ", m.Value.Variables), "Computation",
                    [new TranslatedText(m.Key)]))
                .ToList();

        /// <summary>One CommentDef per distinct text, for assigned values whose rule the spec states.</summary>
        private string? AddComment(string dataset, VariableMetadata meta)
        {
            if (meta.Origin is not ("Assigned" or "Protocol") || meta.Method is null)
            {
                return null;
            }

            if (!commentsByText.TryGetValue(meta.Method, out var oid))
            {
                oid = $"COM.{dataset}.{meta.Name}";
                commentsByText[meta.Method] = oid;
                Comments.Add(new CommentDef(oid, [new TranslatedText(meta.Method)]));
            }

            return oid;
        }

        private static bool HasCodelist(VariableMetadata meta) => meta.CodelistCode is not null || meta.CodelistName is not null;

        /// <summary>
        /// The values a column-level codelist lists: all of the column's, save those of records for which
        /// <see cref="CodelistOverrides"/> names another codelist.
        /// </summary>
        private IReadOnlyList<string> ColumnLevelValues(Dataset dataset, DatasetColumn column)
        {
            var values = ValuesOf(column);
            var overridden = new List<(ColumnValues By, int Id)>();
            foreach (var (d, v, by, value, _) in CodelistOverrides)
            {
                if (d == dataset.Name && v == column.Name && dataset.Has(by))
                {
                    var byValues = ValuesOf(dataset[by]);
                    var id = byValues.Texts.ToList().IndexOf(value);
                    if (id >= 0)
                    {
                        overridden.Add((byValues, id));
                    }
                }
            }

            if (overridden.Count == 0)
            {
                return values.Texts;
            }

            var kept = new bool[values.Count];
            for (var row = 0; row < dataset.RowCount; row++)
            {
                if (!overridden.Exists(o => o.By.IdOf(row) == o.Id))
                {
                    kept[values.IdOf(row)] = true;
                }
            }

            return values.Texts.Where((_, id) => kept[id]).ToList();
        }

        /// <summary>
        /// The codelist of <paramref name="meta"/> (one per name, and per type), with <paramref name="values"/> (the
        /// distinct texts of the records it describes; "" is ignored) added to the terms it lists.
        /// </summary>
        private string? AddCodelist(VariableMetadata meta, DatasetColumn column, IEnumerable<string> values)
        {
            if (!HasCodelist(meta))
            {
                return null;
            }

            var terminology = options.Standards.SdtmTerminology;
            var ct = (meta.CodelistCode is { } code ? terminology.FindByCode(code) : null)
                ?? (meta.CodelistName is { } cn ? terminology.FindBySubmissionValue(cn) : null);
            var name = ct?.SubmissionValue ?? meta.CodelistName ?? meta.CodelistCode!;
            var key = name + (column is NumericColumn ? ".N" : "");
            if (!codelists.TryGetValue(key, out var entry))
            {
                entry = (ct, name, new SortedSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), column is NumericColumn);
                codelists[key] = entry;
                codelistOrder.Add(key);
            }

            // A codelist of words (e.g. LBSTRESC's) constrains only the non-numeric results of a mixed column: numbers
            // are described by the value-level metadata, not listed as terms.
            var numericTerms = ct is null || ct.Terms.Any(t => IsNumber(t.SubmissionValue));
            foreach (var value in values)
            {
                if (value.Length > 0 && (column is NumericColumn || numericTerms || !IsNumber(value)))
                {
                    entry.Values.Add(value);
                }
            }

            foreach (var extended in meta.ExtendedValues)
            {
                entry.Extended.Add(extended);
            }

            return "CL." + key;
        }

        public List<CodeList> CodeLists() =>
            codelistOrder.Select(key =>
            {
                var (ct, name, values, extended, numeric) = codelists[key];
                var all = values.Union(extended, StringComparer.Ordinal).ToList();
                var ordered = ct is null
                    ? all
                    : all.OrderBy(v => IndexIn(ct, v)).ThenBy(v => v, StringComparer.Ordinal).ToList();
                var items = ordered.Select(v =>
                {
                    var term = ct?.FindBySubmissionValue(v);
                    return new CodeListItem(v)
                    {
                        ExtendedValue = term is null && ct is not null,
                        Aliases = term?.Code is { } termCode ? [new Alias(OdmNames.NciCodeContext, termCode)] : OdmList<Alias>.Empty,
                    };
                }).ToList();
                return new CodeList("CL." + key, ct?.Name ?? name, numeric ? "integer" : "text")
                {
                    StandardOid = ct is null ? null : CtStandardOid,
                    IsNonStandard = ct is null ? true : null,
                    Items = items,
                    Aliases = ct is null ? OdmList<Alias>.Empty : [new Alias(OdmNames.NciCodeContext, ct.Code)],
                };
            }).ToList();

        private readonly Dictionary<string, (string Oid, string Suffix)> whereOids = new(StringComparer.Ordinal);

        private readonly HashSet<string> usedWhereOids = new(StringComparer.Ordinal);

        /// <summary>An OID fragment for a data value: letters, digits, '.', '-' and '_' kept, anything else '_'
        /// (a clash, e.g. "A B" and "A_B", gets a numeric suffix).</summary>
        private static string OidPart(string value) =>
            string.Concat(value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));

        private static string? OverrideFor(Dataset dataset, string variable, int row)
        {
            foreach (var (d, v, by, value, codelist) in CodelistOverrides)
            {
                if (d == dataset.Name && v == variable && dataset.Has(by) && dataset[by].GetText(row) == value)
                {
                    return codelist;
                }
            }

            return null;
        }

        private static int Decimals(string number) =>
            number.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? number.Length - dot - 1 : 0;

        private static bool IsNumber(string text) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

        private static int IndexIn(Codelist codelist, string value)
        {
            for (var i = 0; i < codelist.Terms.Count; i++)
            {
                if (codelist.Terms[i].SubmissionValue == value)
                {
                    return i;
                }
            }

            return int.MaxValue;
        }

        /// <summary>A comment on a variable that is blank on every record (SDTMIG CG0016: say it was not collected).</summary>
        private string? AddNotCollectedComment(Dataset dataset, DatasetColumn column)
        {
            // SUPP-- IDVAR/IDVARVAL are blank by design for subject-level qualifiers (SUPPDM), not "not collected".
            if (dataset.RowCount == 0 || column.Name is "IDVAR" or "IDVARVAL" || HasValue(column))
            {
                return null;
            }

            const string text = "Not collected in this study: the variable is blank on every record.";
            if (!commentsByText.TryGetValue(text, out var oid))
            {
                oid = "COM.NOTCOLLECTED";
                commentsByText[text] = oid;
                Comments.Add(new CommentDef(oid, [new TranslatedText(text)]));
            }

            return oid;
        }

        private static bool HasValue(DatasetColumn column)
        {
            for (var row = 0; row < column.Count; row++)
            {
                if (!column.IsMissing(row))
                {
                    return true;
                }
            }

            return false;
        }

        private List<ItemDef> AddValueLevel(Dataset dataset, List<ItemDef> items, List<ItemRef> refs, XptDataset xpt)
        {
            foreach (var (applies, byAll, targetsAll) in ValueLevelRules)
            {
                if (!applies(dataset.Name) || !dataset.Has(byAll[0]))
                {
                    continue;
                }

                var by = byAll.Where(dataset.Has).ToArray();
                var byValues = by.Select(b => ValuesOf(dataset[b])).ToArray();
                var partition = RowGroups.Of(dataset.RowCount, byValues);
                var firstRows = partition.FirstRows();
                var groups = Enumerable.Range(0, partition.Count)
                    .Select(g => (Key: string.Join("\u0001", byValues.Select(v => v.Text(v.IdOf(firstRows[g])))), Group: g))
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .ToList();
                var isSuppQval = dataset.Name.StartsWith("SUPP", StringComparison.Ordinal) && dataset.Has("QORIG");
                foreach (var target in targetsAll.Where(dataset.Has))
                {
                    var column = dataset[target];
                    var targetValues = ValuesOf(column);
                    var valuesPerGroup = partition.ValuesPerGroup(targetValues);
                    var qorigValues = isSuppQval && target == "QVAL" ? ValuesOf(dataset["QORIG"]) : null;
                    var qorigPerGroup = qorigValues is null ? null : partition.ValuesPerGroup(qorigValues);
                    var valueListOid = $"VL.{dataset.Name}.{target}";
                    var parent = items.First(i => i.Name == target);
                    var parentMethodOid = refs.First(r => r.ItemOid == parent.Oid).MethodOid;
                    var xptVariable = xpt.Variables[dataset.Columns.ToList().FindIndex(c => c.Name == target)];
                    var vlRefs = new List<ItemRef>();
                    foreach (var (key, group) in groups)
                    {
                        // The group's distinct values stand for its records: every property below is a max, an
                        // all or a set over them.
                        var texts = valuesPerGroup[group].Select(targetValues.Text).ToList();
                        var present = texts.Where(t => t.Length > 0).ToList();
                        if (present.Count == 0)
                        {
                            continue;
                        }

                        var firstRow = firstRows[group];
                        var values = byValues.Select(v => v.Text(v.IdOf(firstRow))).ToArray();
                        var rawKey = $"{dataset.Name}\u0001{string.Join("\u0001", by)}\u0001{key}";
                        if (!whereOids.TryGetValue(rawKey, out var where))
                        {
                            var prefix = $"WC.{dataset.Name}.{string.Join(".", by.Where((_, k) => values[k].Length > 0))}.";
                            var part = string.Join(".", values.Where(v => v.Length > 0).Select(OidPart));
                            var unique = part;
                            for (var n = 2; !usedWhereOids.Add(prefix + unique); n++)
                            {
                                unique = $"{part}_{n}";
                            }

                            where = (prefix + unique, unique);
                            whereOids[rawKey] = where;
                            WhereClauses.Add(new WhereClauseDef(where.Oid,
                                by.Select((b, k) => (b, v: values[k]))
                                    .Where(p => p.v.Length > 0)
                                    .Select(p => new RangeCheck("EQ", "Soft", $"IT.{dataset.Name}.{p.b}", [p.v]))
                                    .ToList()));
                        }

                        var (whereOid, suffix) = where;
                        var shape = column is NumericColumn ? NumericShape.Of(present) : default;
                        var baseItem = ItemFor($"{parent.Oid}.{suffix}", column.Metadata, column, xptVariable, shape);
                        if (column is CharacterColumn)
                        {
                            baseItem = baseItem with { Length = Math.Max(1, texts.Max(t => System.Text.Encoding.UTF8.GetByteCount(t))) };
                        }

                        // Character results that are all numbers are described as integer or float at value level.
                        var textDataType = column is CharacterColumn && present.All(IsNumber)
                            ? (present.All(t => long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)) ? "integer" : "float")
                            : null;
                        Items.Add(baseItem with
                        {
                            DataType = textDataType ?? baseItem.DataType,
                            SignificantDigits = textDataType == "float"
                                ? Math.Max(1, present.Max(Decimals))
                                : baseItem.SignificantDigits,
                            Description = [new TranslatedText($"{column.Metadata.Label} where {string.Join(" and ", by.Select((b, k) => $"{b} = {values[k]}").Where((_, k) => values[k].Length > 0))}")],
                            CodeListOid = OverrideFor(dataset, target, firstRow) is { } overriding
                                ? AddCodelist(column.Metadata with { CodelistCode = null, CodelistName = overriding, ExtendedValues = [] }, column, texts)
                                : present.All(t => !IsNumber(t)) ? parent.CodeListOid : null,
                            Origins = qorigPerGroup is not null && QorigOrigin(qorigPerGroup[group].Select(qorigValues!.Text).ToList()) is { } qorig
                                ? [new Origin(qorig) { Source = qorig == "Collected" ? "Investigator" : null }]
                                : parent.Origins,
                        });
                        vlRefs.Add(new ItemRef(baseItem.Oid, false)
                        {
                            OrderNumber = vlRefs.Count + 1,
                            MethodOid = parentMethodOid,
                            WhereClauseOids = [whereOid],
                        });
                    }

                    if (vlRefs.Count > 0)
                    {
                        ValueLists.Add(new ValueListDef(valueListOid, vlRefs));
                        var i = items.FindIndex(it => it.Name == target);
                        items[i] = items[i] with { ValueListOid = valueListOid };
                    }
                }
            }

            return items;
        }
    }
}
