using System.Collections.Concurrent;
using System.Globalization;
using CdiscExport.Core.Datasets;
using CdiscExport.Core.Standards;
using CdiscExport.Mapping.Algorithms;
using CdiscExport.Mapping.Derivations;
using CdiscExport.Mapping.Raw;
using CdiscExport.Mapping.Specs;

namespace CdiscExport.Mapping.Engine;

/// <summary>
/// Runs a study spec over its raw forms and returns the SDTM datasets. DM is mapped first because its reference dates
/// anchor every other dataset's study days, epochs and baseline flags. No raw record is dropped silently: each is
/// mapped, or set aside by a filter and counted in the reconciliation.
/// </summary>
public static class MappingEngine
{
    /// <summary>Maps the study whose spec is in <paramref name="specFolder"/>.</summary>
    /// <param name="specFolder">The folder holding study.yaml and the dataset files.</param>
    /// <param name="rawFolder">A folder that replaces the raw folder the study file names, or null.</param>
    /// <param name="standards">The standards to use, or null to load the study's (or the product's) specs/standards.</param>
    /// <param name="progress">Told what is being done (dataset, rows), for a progress display; may be null.</param>
    /// <param name="mapped">Given each dataset (with its SUPP--) as soon as it is final, from the thread that mapped it:
    /// several may be called at once, in any order. It must not throw (an exception from it is taken for a mapping
    /// failure of that dataset). May be null.</param>
    /// <exception cref="SpecException">A spec file is wrong.</exception>
    /// <exception cref="MappingException">Raw data cannot be mapped.</exception>
    public static MappingResult Run(string specFolder, string? rawFolder = null, StandardsLibrary? standards = null, Action<string>? progress = null,
        Action<MappedDatasets>? mapped = null) =>
        Run(StudySpec.Load(specFolder, rawFolder), standards, progress, mapped);

    /// <summary>Maps the study of a loaded spec.</summary>
    /// <param name="spec">The study's spec.</param>
    /// <param name="standards">The standards to use, or null to load the study's (or the product's) specs/standards.</param>
    /// <param name="progress">Told what is being done (dataset, rows), for a progress display; may be null.</param>
    /// <param name="mapped">Given each dataset (with its SUPP--) as soon as it is final, as the other overload says; may be null.</param>
    /// <exception cref="SpecException">A spec file is wrong.</exception>
    /// <exception cref="MappingException">Raw data cannot be mapped.</exception>
    public static MappingResult Run(StudySpec spec, StandardsLibrary? standards = null, Action<string>? progress = null, Action<MappedDatasets>? mapped = null)
    {
        standards ??= StandardsLibrary.Load(spec.StandardsFolder ?? StandardsLibrary.FindDefaultFolder());
        var forms = new FormCatalog(spec.RawFolder, spec.RawDefaults, spec.FormSettings);
        var progressLock = new object();
        Action<string>? report = progress is null ? null : message =>
        {
            lock (progressLock)
            {
                progress(message);
            }
        };

        // DM is mapped first: its reference dates anchor every other dataset. The others depend on nothing but DM and
        // the (read-only) raw forms, so they are mapped side by side; their results and reconciliation lines are then
        // taken in the spec's order, so the outcome does not depend on which finished first.
        var dm = spec.Datasets.FirstOrDefault(d => d.Name == "DM");
        var results = new Dictionary<string, DatasetOutcome>(StringComparer.Ordinal);
        var references = ReferenceDates.Empty;
        if (dm is not null)
        {
            var outcome = Map(spec, dm, standards, forms, references, report);
            mapped?.Invoke(new MappedDatasets(spec.StudyId, spec.TransliterateNonAscii, outcome.Datasets));
            results[dm.Name] = outcome;
            references = ReferenceDates.FromDm(outcome.Datasets[0]);
        }

        var others = spec.Datasets.Where(d => d.Name != "DM").ToList();
        var outcomes = new DatasetOutcome?[others.Count];
        var failures = new Exception?[others.Count];

        // The largest datasets (by the size of their raw forms) start first, so that the last to finish is a small one.
        var largestFirst = Enumerable.Range(0, others.Count).OrderByDescending(i => RawBytes(others[i], forms)).ToList();
        Parallel.ForEach(
            Partitioner.Create(largestFirst, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i =>
            {
                try
                {
                    outcomes[i] = Map(spec, others[i], standards, forms, references, report);
                    mapped?.Invoke(new MappedDatasets(spec.StudyId, spec.TransliterateNonAscii, outcomes[i]!.Datasets));
                }
                catch (Exception e)
                {
                    failures[i] = e;
                }
            });

        // The error of the first dataset in the spec's order, as when the datasets were mapped one after another.
        ThrowFirst(failures);

        for (var i = 0; i < others.Count; i++)
        {
            results[others[i].Name] = outcomes[i]!;
        }

        var reconciliation = new List<ReconciliationLine>();
        foreach (var dataset in spec.Datasets.OrderBy(d => d.Name == "DM" ? 0 : 1))
        {
            reconciliation.AddRange(results[dataset.Name].Reconciliation);
        }

        AddUnusedForms(forms, reconciliation);
        var datasets = spec.Datasets.SelectMany(d => results[d.Name].Datasets).ToList();
        var notes = forms.Loaded.Where(f => f.LayoutNote is not null).OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => $"{f.Path}: {f.LayoutNote}").ToList();
        return new MappingResult(spec.StudyId, spec.Attributes, datasets, reconciliation, standards, spec.TransliterateNonAscii, spec, spec.ExplainedFindings, notes);
    }

    private static long RawBytes(DatasetSpec dataset, FormCatalog forms) =>
        dataset.Blocks.Select(b => b.Source).OfType<string>().Select(forms.PathOf).Where(File.Exists).Sum(path => new FileInfo(path).Length);

    // One dataset from its raw forms to its final form (and its SUPP--), with the reconciliation lines of its blocks.
    private static DatasetOutcome Map(StudySpec study, DatasetSpec dataset, StandardsLibrary standards, FormCatalog forms, ReferenceDates references, Action<string>? progress)
    {
        var reconciliation = new List<ReconciliationLine>();
        progress?.Invoke($"mapping {dataset.Name}");
        var working = BuildWorking(study, dataset, standards, forms, reconciliation);
        progress?.Invoke($"mapping {dataset.Name}: {working.RowCount:N0} records, deriving");
        try
        {
            working = ApplyDerivations(study, dataset, working, references, progress);
            progress?.Invoke($"finishing {dataset.Name}");
            var (final, supp) = Finish(dataset, working, standards);
            return new DatasetOutcome(supp is null ? [final] : [final, supp], reconciliation);
        }
        catch (DatasetVariableException e)
        {
            // A derivation (--SEQ, VISITNUM, SUPPQUAL, ...) reads a variable the dataset's spec file does not map.
            throw new SpecException(study.FileOf(e.Dataset), 0, 0, e.Variable, MappingMessages.DerivationNeedsVariable(e.Message));
        }
    }

    private sealed record DatasetOutcome(IReadOnlyList<Dataset> Datasets, List<ReconciliationLine> Reconciliation);

    // The raw forms and literal rows of a dataset's blocks, in block order, as one working dataset: a character
    // column per target (in the order targets first appear), one per SUPP-- qualifier, and _FILE/_LINE so that a
    // later failure can still name the raw line. Each block is opened, joined, bound, then its rows are mapped.
    private static Dataset BuildWorking(StudySpec study, DatasetSpec spec, StandardsLibrary standards, FormCatalog forms, List<ReconciliationLine> reconciliation)
    {
        var layout = LayoutOf(spec);
        var targets = new List<string>();
        var records = new WorkingRecords(layout.Count, TargetKinds(spec, layout));
        foreach (var block in spec.Blocks)
        {
            var source = OpenSource(block, forms);
            var joins = IndexJoins(block, source?.Form, forms);
            Bind(study, block, source?.Form, joins, standards, forms, layout);
            AddTargets(targets, block.Variables.Select(v => v.Target));

            // Each raw row and literal row makes at most one record.
            records.EnsureCapacity(records.Count + (block.Rows?.Count ?? source!.Form.RowCount));
            var evaluation = new BlockEvaluation(spec, block, layout, records);
            if (block.Rows is { } literal)
            {
                MapLiteralRows(spec, literal, evaluation, records, layout, targets);
            }
            else
            {
                reconciliation.Add(MapRawRows(spec, block, source!, joins, evaluation, records, layout));
            }
        }

        return WorkingDataset(spec, standards, records, layout, targets);
    }

    // Every target of every block gets its slot before the first record is made, so record arrays never grow.
    private static TargetLayout LayoutOf(DatasetSpec spec)
    {
        var layout = new TargetLayout();
        foreach (var block in spec.Blocks)
        {
            foreach (var name in block.Variables.Select(v => v.Target).Concat((block.Rows ?? []).SelectMany(r => r.Keys)).Concat(block.Supp.Select(s => "_SUPP_" + s.Qnam)))
            {
                layout.IndexOf(name);
            }
        }

        return layout;
    }

    // What each target holds: typed date-times when every block fills it by a date algorithm (AESTDTC from a raw
    // date), typed numbers when every block fills it by a number algorithm (AGE), else text: a target some block fills
    // otherwise (a copy, a literal row) is text, as the values of the others then are.
    private static TargetKind[] TargetKinds(DatasetSpec spec, TargetLayout layout)
    {
        var kinds = new TargetKind?[layout.Count];
        foreach (var block in spec.Blocks)
        {
            foreach (var (target, algorithm) in block.Variables)
            {
                var i = layout.IndexOf(target);
                var kind = algorithm switch
                {
                    IDateTimeAlgorithm => TargetKind.DateTime,
                    INumberAlgorithm => TargetKind.Number,
                    _ => TargetKind.Text,
                };
                kinds[i] = kinds[i] is null || kinds[i] == kind ? kind : TargetKind.Text;
            }

            foreach (var key in (block.Rows ?? []).SelectMany(r => r.Keys))
            {
                kinds[layout.IndexOf(key)] = TargetKind.Text;
            }
        }

        return kinds.Select(k => k ?? TargetKind.Text).ToArray();
    }

    /// <summary>A block's raw form as its rows will be read, with the count of rows read and what unpivoting did.</summary>
    private sealed record BlockSource(RawForm Form, int RowsRead, string? Unpivoted);

    // The block's form (null for literal rows). A wide form is turned long before anything binds to it: its test,
    // value and unit columns are then columns like any other. Its rows are counted once, as the wide rows read.
    private static BlockSource? OpenSource(BlockSpec block, FormCatalog forms)
    {
        if (block.Source is not { } name)
        {
            return null;
        }

        if (!forms.Exists(name))
        {
            throw block.Node.Error(MappingMessages.NoSuchForm(name, forms.PathOf(name)));
        }

        var form = forms.Get(name);
        var rowsRead = form.RowCount;
        string? unpivoted = null;
        if (block.Unpivot is { } unpivot)
        {
            (form, unpivoted) = unpivot.Apply(form);
        }

        return new BlockSource(form, rowsRead, unpivoted);
    }

    /// <summary>A joined form with its rows indexed by the join's <c>on:</c> column, and the source's key column.</summary>
    private sealed record IndexedJoin(JoinSpec Join, RawForm Form, int Key, IReadOnlyDictionary<string, List<RawRow>> Index);

    private static List<IndexedJoin> IndexJoins(BlockSpec block, RawForm? source, FormCatalog forms)
    {
        var joins = new List<IndexedJoin>();
        foreach (var join in block.Joins)
        {
            if (source is null)
            {
                throw join.Node.Error(MappingMessages.LiteralRowsCannotJoin);
            }

            if (!forms.Exists(join.Form))
            {
                throw join.Node.Error(MappingMessages.NoSuchForm(join.Form, forms.PathOf(join.Form)));
            }

            var other = forms.Get(join.Form);
            var on = other.Ordinal(join.On);
            var key = source.Ordinal(join.Key);
            if (on < 0 || key < 0)
            {
                throw join.Node.Error(on < 0 ? MappingMessages.NoSuchColumn(join.Form, join.On) : MappingMessages.NoSuchColumn(source.Name, join.Key));
            }

            joins.Add(new IndexedJoin(join, other, key, other.IndexBy(on)));
        }

        return joins;
    }

    // Bind everything before reading a single record: a misspelt name fails here, with its spec line.
    private static void Bind(StudySpec study, BlockSpec block, RawForm? source, List<IndexedJoin> joins, StandardsLibrary standards, FormCatalog forms, TargetLayout layout)
    {
        var joined = new Dictionary<string, RawForm>(StringComparer.Ordinal);
        foreach (var join in joins)
        {
            joined[join.Join.Form] = join.Form;
        }

        var scope = new BindScope(study, source, joined, standards.SdtmTerminology, forms, layout);
        foreach (var literalVariable in (block.Rows ?? []).SelectMany(r => r.Keys).Distinct())
        {
            scope.Define(literalVariable);
        }

        block.Where?.Bind(scope);
        foreach (var (target, algorithm) in block.Variables)
        {
            algorithm.Bind(scope);
            scope.Define(target);
        }

        foreach (var s in block.Supp)
        {
            s.Value.Bind(scope);
        }
    }

    private static void AddTargets(List<string> targets, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (!targets.Contains(name))
            {
                targets.Add(name);
            }
        }
    }

    // Literal rows (a block's rows:) are records whose values the spec gives; the block's algorithms fill the rest.
    private static void MapLiteralRows(DatasetSpec spec, IReadOnlyList<IReadOnlyDictionary<string, string>> literal, BlockEvaluation evaluation, WorkingRecords records, TargetLayout layout, List<string> targets)
    {
        var context = new RecordContext(null, records, layout);
        foreach (var row in literal)
        {
            context.Load(null);
            foreach (var (k, v) in row)
            {
                context.SetTarget(layout.IndexOf(k), v);
                AddTargets(targets, [k]);
            }

            evaluation.Evaluate(context);
            records.Add(spec.FilePath, context.Line);
        }
    }

    // Each raw row is joined, filtered by the block's where:, and mapped to one record; the reconciliation line
    // accounts for every row read (mapped, or set aside with the reason).
    private static ReconciliationLine MapRawRows(DatasetSpec spec, BlockSpec block, BlockSource source, List<IndexedJoin> joins, BlockEvaluation evaluation, WorkingRecords records, TargetLayout layout)
    {
        var form = source.Form;
        var mapped = 0;
        var setAside = 0;
        var current = new RecordContext(form, records, layout);
        for (var i = 0; i < form.RowCount; i++)
        {
            var row = form.Row(i);
            current.Load(row);
            foreach (var (join, _, key, index) in joins)
            {
                var matches = index.GetValueOrDefault(form.Get(row, key));
                if (matches is { Count: > 1 })
                {
                    throw new MappingException(form.Path, row.Line, join.Key, spec.Name, null,
                        MappingMessages.JoinFindsSeveral(join.Form, matches.Select(m => m.Line).ToList()));
                }

                if (matches is null && join.Required)
                {
                    throw new MappingException(form.Path, row.Line, join.Key, spec.Name, null,
                        MappingMessages.JoinFindsNone(join.Form, join.On, form.Get(row, key)));
                }

                current.SetJoined(join.Form, matches?[0]);
            }

            if (block.Where is { } where && !where.Holds(current))
            {
                setAside++;
                continue;
            }

            evaluation.Evaluate(current);
            records.Add(form.Path, current.Line);
            mapped++;
        }

        var reason = setAside == 0 ? string.Empty : block.WhereReason ?? "not selected by the block's where: filter";
        if (source.Unpivoted is not null)
        {
            reason = reason.Length == 0 ? source.Unpivoted : $"{source.Unpivoted}; {setAside} records {reason}";
        }

        return new ReconciliationLine(form.Name, source.RowsRead, spec.Name, mapped, setAside, reason);
    }

    private static Dataset WorkingDataset(DatasetSpec spec, StandardsLibrary standards, WorkingRecords records, TargetLayout layout, List<string> targets)
    {
        var columns = new List<DatasetColumn>();
        foreach (var target in targets)
        {
            columns.Add(records.Take(layout.IndexOf(target), target, target));
        }

        foreach (var qnam in spec.Blocks.SelectMany(b => b.Supp).Select(s => s.Qnam).Distinct())
        {
            columns.Add(records.Take(layout.IndexOf("_SUPP_" + qnam), "_SUPP_" + qnam, qnam));
        }

        columns.Add(records.Files(new VariableMetadata("_FILE", "raw file", VariableKind.Character)));
        columns.Add(records.Lines(new VariableMetadata("_LINE", "raw line", VariableKind.Numeric)));
        return new Dataset(spec.Name, spec.Label ?? standards.Sdtmig.FindDataset(spec.Name)?.Label ?? spec.Name, columns);
    }

    /// <summary>One block's algorithms with their target indexes resolved once, evaluated record after record.</summary>
    private sealed class BlockEvaluation
    {
        private readonly DatasetSpec _spec;
        private readonly (int Index, string Target, IAlgorithm Algorithm, TargetKind Kind)[] _variables;
        private readonly (int Index, string Target, IAlgorithm Algorithm)[] _supp;

        public BlockEvaluation(DatasetSpec spec, BlockSpec block, TargetLayout layout, WorkingRecords records)
        {
            _spec = spec;
            _variables = block.Variables.Select(v => (layout.IndexOf(v.Target), v.Target, v.Algorithm, records.KindOf(layout.IndexOf(v.Target)))).ToArray();
            _supp = block.Supp.Select(s => (layout.IndexOf("_SUPP_" + s.Qnam), "SUPP" + spec.Name + "." + s.Qnam, s.Value)).ToArray();
        }

        public void Evaluate(RecordContext context)
        {
            foreach (var (index, target, algorithm, kind) in _variables)
            {
                switch (kind)
                {
                    case TargetKind.DateTime:
                        context.SetTarget(index, Run(_spec, target, algorithm, context, static (a, c) => ((IDateTimeAlgorithm)a).EvaluateDateTime(c)));
                        break;
                    case TargetKind.Number:
                        context.SetTarget(index, Run(_spec, target, algorithm, context, static (a, c) => ((INumberAlgorithm)a).EvaluateNumber(c)));
                        break;
                    default:
                        context.SetTarget(index, Run(_spec, target, algorithm, context, static (a, c) => a.Evaluate(c)));
                        break;
                }
            }

            foreach (var (index, target, algorithm) in _supp)
            {
                context.SetTarget(index, Run(_spec, target, algorithm, context, static (a, c) => a.Evaluate(c)));
            }
        }
    }

    // A failure of the algorithm becomes a MappingException naming the raw file and line, the variable and the subject.
    private static T Run<T>(DatasetSpec spec, string target, IAlgorithm algorithm, RecordContext context, Func<IAlgorithm, RecordContext, T> evaluate)
    {
        try
        {
            return evaluate(algorithm, context);
        }
        catch (MappingFailure failure)
        {
            var file = context.FilePath.Length > 0 ? context.FilePath : spec.FilePath;
            var usubjid = context.Target("USUBJID");
            throw new MappingException(file, context.Line > 0 ? context.Line : algorithm.Node.Line, failure.RawColumn,
                target.Contains('.', StringComparison.Ordinal) ? target : $"{spec.Name}.{target}", string.IsNullOrEmpty(usubjid) ? null : usubjid, failure.Message);
        }
    }

    private static Dataset ApplyDerivations(StudySpec study, DatasetSpec spec, Dataset working, ReferenceDates references, Action<string>? progress)
    {
        // DM's own study days (DMDY) are measured from its own RFSTDTC.
        if (spec.Name == "DM" && working.Has("USUBJID"))
        {
            references = ReferenceDates.FromDm(working);
        }

        foreach (var derivation in spec.Derivations)
        {
            progress?.Invoke($"deriving {spec.Name}: {derivation.Name}");
            var o = derivation.Options;
            string Var(string key)
            {
                var name = o.RequiredScalar(key);
                return working.Has(name) ? name : throw o.Required(key).Error(MappingMessages.NoVariableYet(spec.Name, name), working.Columns.Select(c => c.Name).Where(n => !n.StartsWith('_') || n.StartsWith("_V", StringComparison.Ordinal)).ToList());
            }

            IReadOnlyList<string> Vars(string key) => o.Required(key).Strings().Select(n => working.Has(n) ? n
                : throw o.Required(key).Error(MappingMessages.NoVariableYet(spec.Name, n), working.Columns.Select(c => c.Name).ToList())).ToList();

            if (derivation.Name != "seq" && derivation.Name != "visit" && references.IsEmpty)
            {
                throw derivation.Node.Error(MappingMessages.NeedsReferenceDates(derivation.Name));
            }

            working = derivation.Name switch
            {
                "seq" => working.DeriveVarSeq(Vars("by"), o.Optional("order") is null ? [] : Vars("order"), o.RequiredScalar("target")),
                "study_day" => working.DeriveVarDy(references, Var("date"), o.RequiredScalar("target")),
                "epoch" => working.DeriveVarEpoch(references, Var("date"), o.RequiredScalar("target")),
                "visit" => DeriveVisit(study, spec, working, Var("label"), Var("date")),
                _ => working.DeriveVarLobxfl(references, Vars("by"), Var("date"), Var("value"), o.RequiredScalar("target")),
            };
        }

        return working;
    }

    private static Dataset DeriveVisit(StudySpec study, DatasetSpec spec, Dataset working, string label, string date)
    {
        if (study.Visits.Count == 0)
        {
            throw new SpecException(study.FilePath, 0, 0, "visits", MappingMessages.NoVisitsSection(spec.Name));
        }

        var rawOrigin = RawOrigin.Of(working);
        return working.DeriveVarsVisit(study.Visits, label, date, row => rawOrigin.Error(row, spec.Name + ".VISIT",
            working["USUBJID"].GetText(row),
            MappingMessages.VisitLabelMatchesNoRule(working[label].GetText(row))));
    }

    private static (Dataset Final, Dataset? Supp) Finish(DatasetSpec spec, Dataset working, StandardsLibrary standards)
    {
        var ig = standards.Sdtmig;
        var rawOrigin = RawOrigin.Of(working);

        // Sort: the spec's keys, else USUBJID and --SEQ where present.
        var sort = spec.Sort.Count > 0 ? spec.Sort.ToList() : new[] { "STUDYID", "USUBJID", spec.Name + "SEQ" }.Where(working.Has).ToList();
        foreach (var key in sort.Where(k => !working.Has(k)))
        {
            throw new SpecException(spec.FilePath, 0, 0, "sort", MappingMessages.SortKeyNotAVariable(key, spec.Name));
        }

        // The working records are this method's alone (built by BuildWorking and the derivations), so they are sorted
        // where they lie instead of copied; _FILE and _LINE move with them.
        working.ReorderInPlace(new ValueOrder(working, sort).SortedRows(working.RowCount));

        var suppVariables = spec.Blocks.SelectMany(b => b.Supp).GroupBy(s => s.Qnam).Select(g => g.First())
            .Select(s => new SuppVariable(s.Qnam, s.Qlabel, s.Qorig, s.Qeval)).ToList();
        working = working.SplitLongText(suppVariables, (row, variable) => rawOrigin.Error(row, $"{spec.Name}.{variable}",
            working.Has("USUBJID") ? working["USUBJID"].GetText(row) : null,
            MappingMessages.ValueTooLong(SplitLongTextExtension.Limit, spec.Name)));
        var supp = working.CreateSuppqual(suppVariables);

        var provenance = Provenance(spec);
        var columns = new List<(int Order, int Added, DatasetColumn Column)>();
        var named = working.Columns.Where(c => !c.Name.StartsWith('_')).ToList();
        var metas = named.Select(c => ig.FindClassVariable(spec.Name, c.Name) ?? throw NotInIg(spec, c.Name, ig)).ToList();

        // Columns are typed side by side (a large dataset is often the last one mapped, with a core to spare); an error
        // is the one of the first column in dataset order, as when they were typed one after another.
        var typedColumns = new DatasetColumn?[named.Count];
        var failures = new Exception?[named.Count];
        Parallel.For(0, named.Count, i =>
        {
            try
            {
                var typed = Typed(spec, named[i], metas[i], rawOrigin);
                if (provenance.TryGetValue(named[i].Name, out var origin))
                {
                    typed = typed.WithMetadata(typed.Metadata with { Origin = origin.Origin, Method = origin.Method, Source = origin.Source, ExtendedValues = origin.Extensions });
                }

                typedColumns[i] = WithFittingCodelist(typed, metas[i], standards);
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        });
        ThrowFirst(failures);

        for (var i = 0; i < named.Count; i++)
        {
            columns.Add((metas[i].Order, metas[i].ClassPosition ?? -1, typedColumns[i]!));
        }

        // SDTMIG: Expected variables are present even when every value is null (not collected in this study).
        foreach (var expected in ig.VariablesOf(spec.Name).Where(v => v.Core == CoreCategory.Expected && !working.Has(v.Name)))
        {
            var metadata = Metadata(expected) with
            {
                Origin = "Not Available",
                Method = "Not collected in this study; present because SDTMIG lists it as Expected.",
                CodelistCode = null, // no value, so no codelist (an empty one is not valid Define-XML)
                CodelistName = null,
            };
            DatasetColumn empty = expected.Type == VariableDataType.Num
                ? new NumericColumn(metadata, new double?[working.RowCount])
                : new CharacterColumn(metadata, new string[working.RowCount]);
            columns.Add((expected.Order, -1, empty));
        }

        var final = new Dataset(spec.Name, working.Label, columns.OrderBy(c => c.Order).ThenBy(c => c.Added).Select(c => c.Column).ToList());
        if (supp is not null)
        {
            supp = Typed(supp, standards);
        }

        return (final, supp);
    }

    // Points at the line of the spec that defines the variable (its algorithm, or the derivation that adds it).
    private static SpecException NotInIg(DatasetSpec spec, string variable, ImplementationGuide ig)
    {
        var node = spec.Blocks.SelectMany(b => b.Variables).Where(v => v.Target == variable).Select(v => v.Algorithm.Node).FirstOrDefault()
            ?? spec.Derivations.Where(d => d.Options.OptionalScalar("target") == variable).Select(d => d.Node).FirstOrDefault();
        return new SpecException(spec.FilePath, node?.Line ?? 0, node?.Column ?? 0, variable,
            MappingMessages.NotInIg(variable, ig.Version, spec.Name),
            ig.VariablesOf(spec.Name).Select(v => v.Name).ToList());
    }

    private static Dictionary<string, (string Origin, string? Method, string? Source, IReadOnlyList<string> Extensions)> Provenance(DatasetSpec spec)
    {
        var result = new Dictionary<string, (string, string?, string?, IReadOnlyList<string>)>(StringComparer.Ordinal);
        foreach (var block in spec.Blocks)
        {
            foreach (var key in (block.Rows ?? []).SelectMany(r => r.Keys))
            {
                result.TryAdd(key, ("Assigned", null, null, []));
            }

            foreach (var (target, algorithm) in block.Variables)
            {
                var (origin, method) = AlgorithmOrigin.Of(algorithm);
                var source = origin == "Collected" && block.Source is { } form ? form : null;
                var extensions = algorithm is CtAlgorithm ct ? ct.Extensions : [];
                result.TryAdd(target, (origin, method, source, extensions));
            }
        }

        foreach (var derivation in spec.Derivations)
        {
            var method = AlgorithmOrigin.DerivationMethod(derivation);
            foreach (var target in derivation.Name == "visit" ? ["VISITNUM", "VISIT"] : new[] { derivation.Options.RequiredScalar("target") })
            {
                result[target] = ("Derived", method, null, []);
            }
        }

        return result;
    }

    private static Dataset Typed(Dataset supp, StandardsLibrary standards)
    {
        var columns = supp.Columns.Select(c =>
        {
            var meta = standards.Sdtmig.FindVariable("SUPPQUAL", c.Name);
            return meta is null ? c : c.WithMetadata(Metadata(meta) with { Origin = c.Metadata.Origin });
        }).ToList();
        return new Dataset(supp.Name, supp.Label, columns);
    }

    private static DatasetColumn Typed(DatasetSpec spec, DatasetColumn column, StandardVariable meta, RawOrigin rawOrigin)
    {
        var metadata = Metadata(meta);
        if (meta.Type == VariableDataType.Char)
        {
            return column is CharacterColumn ? column.WithMetadata(metadata)
                : new CharacterColumn(metadata, Enumerable.Range(0, column.Count).Select(column.GetText));
        }

        if (column is NumericColumn)
        {
            return column.WithMetadata(metadata);
        }

        // Each distinct text is parsed once: a numeric result column repeats its values over many records.
        var values = new double?[column.Count];
        var parsed = new Memo<string, double>();
        for (var row = 0; row < column.Count; row++)
        {
            var text = column.GetText(row);
            if (text.Length == 0)
            {
                continue;
            }

            values[row] = parsed.TryGet(text, out var known) ? known
                : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
                ? parsed.Add(text, d)
                : throw rawOrigin.Error(row, $"{spec.Name}.{meta.Name}", null, MappingMessages.NotANumber(text, meta.Name));
        }

        return NumericColumn.FromArray(metadata, values);
    }

    // Side-by-side work fails as the same work done in order would: with the error of the first item that failed.
    private static void ThrowFirst(Exception?[] failures)
    {
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>Where each working record came from (the raw file and line in <c>_FILE</c> and <c>_LINE</c>), for errors.</summary>
    private readonly record struct RawOrigin(DatasetColumn File, NumericColumn Line)
    {
        public static RawOrigin Of(Dataset working) => new(working["_FILE"], working.Number("_LINE"));

        public MappingException Error(int row, string target, string? usubjid, string reason) =>
            new(File.GetText(row), (int)(Line[row] ?? 0), null, target, usubjid, reason);
    }

    /// <summary>
    /// The codelist define.xml will state for a variable, chosen so that it never contradicts the data: a variable
    /// that SDTMIG ties to several codelists (DSDECOD: NCOMPLT, PROTMLST, OTHEVENT) keeps the one that holds every value
    /// present; a result variable whose values are not all terms (LBSTRESC holds numbers as well as NEGATIVE) states no
    /// variable-level codelist, CT belonging to its value-level metadata; a variable with no value at all states none
    /// (an empty codelist is not valid Define-XML). Other variables keep their codelist, so a wrong value is reported.
    /// </summary>
    private static DatasetColumn WithFittingCodelist(DatasetColumn column, StandardVariable meta, StandardsLibrary standards)
    {
        if (meta.CodelistCodes.Count == 0)
        {
            return column;
        }

        var values = ColumnValues.Of(column).Texts.Where(v => v.Length > 0).ToList();
        bool Fits(Core.Terminology.Codelist? list) =>
            list is not null && values.All(v => list.FindBySubmissionValue(v) is not null || column.Metadata.ExtendedValues.Contains(v));
        var lists = meta.CodelistCodes.Select(standards.SdtmTerminology.FindByCode).ToList();
        var keep = values.Count == 0 ? null
            : lists.Count > 1 || meta.Role.Contains("Result", StringComparison.OrdinalIgnoreCase) ? lists.FirstOrDefault(Fits)
            : lists[0];
        return column.WithMetadata(column.Metadata with { CodelistCode = keep?.Code, CodelistName = keep?.SubmissionValue });
    }

    private static VariableMetadata Metadata(StandardVariable meta) =>
        new(meta.Name, meta.Label, meta.Type == VariableDataType.Num ? VariableKind.Numeric : VariableKind.Character)
        {
            CodelistCode = meta.CodelistCodes.FirstOrDefault(),
            CodelistName = meta.CodelistNames.FirstOrDefault(),
            Role = meta.Role,
            Core = meta.Core.ToString(),
        };

    private static void AddUnusedForms(FormCatalog forms, List<ReconciliationLine> reconciliation)
    {
        // A form read only through joins and aggregates contributes values, not records; one read (another sheet of a
        // workbook a dataset read) but used by none is reported with every row set aside; one nothing asked for is
        // not read at all (an unreadable file no dataset uses does not stop the export), but listed, so that a form
        // the spec forgot cannot go unnoticed.
        var lines = new List<ReconciliationLine>();
        foreach (var form in forms.Loaded)
        {
            if (reconciliation.Any(r => r.Form == form.Name))
            {
                continue;
            }

            var used = forms.Used(form.Name);
            lines.Add(used
                ? new ReconciliationLine(form.Name, form.RowCount, string.Empty, 0, 0, "read through joins and aggregates only")
                : new ReconciliationLine(form.Name, form.RowCount, string.Empty, 0, form.RowCount, "no dataset reads this form"));
        }

        foreach (var name in forms.Unread())
        {
            lines.Add(new ReconciliationLine(name, 0, string.Empty, 0, 0, "not used, unread"));
        }

        reconciliation.AddRange(lines.OrderBy(l => l.Form, StringComparer.Ordinal));
    }
}
