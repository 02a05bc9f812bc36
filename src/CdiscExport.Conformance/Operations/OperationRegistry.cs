using CdiscExport.Conformance.Engine;

namespace CdiscExport.Conformance.Operations;

/// <summary>An operation: a reusable check that a rule parameterises.</summary>
internal delegate void Operation(RuleContext context);

/// <summary>Operations by the name the catalogue uses.</summary>
internal static class OperationRegistry
{
    private static readonly Dictionary<string, Operation> Operations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dataset_present"] = StructureOps.DatasetPresent,
        ["file_layout"] = StructureOps.FileLayout,
        ["xpt_version"] = StructureOps.XptVersion,
        ["file_size"] = StructureOps.FileSize,
        ["names_labels"] = StructureOps.NamesLabels,
        ["text_length"] = StructureOps.TextLength,
        ["text_hygiene"] = StructureOps.TextHygiene,
        ["non_empty"] = StructureOps.NonEmpty,
        ["ig_required"] = StructureOps.IgRequired,
        ["ig_expected"] = StructureOps.IgExpected,
        ["expected_all_null"] = StructureOps.ExpectedAllNull,
        ["ig_unknown_variable"] = StructureOps.IgUnknownVariable,
        ["ig_type"] = StructureOps.IgType,
        ["length_fit"] = StructureOps.LengthFit,
        ["code_format"] = StructureOps.CodeFormat,
        ["ts_parameters"] = StructureOps.TsParameters,
        ["ts_value_or_null_flavor"] = StructureOps.TsValueOrNullFlavor,
        ["codelist"] = ValueOps.Codelist,
        ["one_to_one"] = ValueOps.OneToOne,
        ["country_iso3166"] = ValueOps.CountryIso,
        ["dictionary"] = ValueOps.Dictionary,
        ["ts_date"] = ValueOps.TsDate,
        ["iso8601"] = ValueOps.Iso8601,
        ["iso_duration"] = ValueOps.IsoDuration,
        ["start_before_end"] = ValueOps.StartBeforeEnd,
        ["study_day"] = ValueOps.StudyDayConsistent,
        ["study_day_presence"] = ValueOps.StudyDayPresence,
        ["exposure_window"] = ValueOps.ExposureWindow,
        ["rfstdtc_first_dose"] = ValueOps.RfstdtcFirstDose,
        ["epoch_and_start"] = ValueOps.EpochAndStart,
        ["unique_keys"] = KeyOps.UniqueKeys,
        ["seq_unique"] = KeyOps.SeqUnique,
        ["same_value"] = KeyOps.SameValue,
        ["domain_value"] = KeyOps.DomainValue,
        ["duplicate_records"] = KeyOps.DuplicateRecords,
        ["supp_qnam"] = KeyOps.SuppQnam,
        ["not_null"] = KeyOps.NotNull,
        ["subject_in"] = KeyOps.SubjectIn,
        ["supp_parent"] = KeyOps.SuppParent,
        ["conditional"] = ConsistencyOps.Conditional,
        ["ex_vs_arm"] = ConsistencyOps.ExVsArm,
        ["death"] = ConsistencyOps.Death,
        ["ae_serious"] = ConsistencyOps.AeSerious,
        ["supp_flag_present"] = ConsistencyOps.SuppFlagPresent,
        ["link_to_tr"] = ConsistencyOps.LinkToTr,
        ["lab_units"] = ConsistencyOps.LabUnits,
        ["lab_standard"] = ConsistencyOps.LabStandard,
        ["baseline_flag"] = ConsistencyOps.BaselineFlag,
        ["adsl_matches_dm"] = AdamOps.AdslMatchesDm,
        ["adam_flags"] = AdamOps.Flags,
        ["adam_treatment_dates"] = AdamOps.TreatmentDates,
        ["adam_date_numeric"] = AdamOps.DateNumeric,
        ["adam_relative_day"] = AdamOps.RelativeDay,
        ["dataset_label"] = AdamOps.DatasetLabel,
        ["value_per_group_1to1"] = AdamOps.ValuePerGroup,
        ["variable_any"] = AdamOps.VariableAny,
        ["bor_one_per_subject"] = ResponseOps.OnePerSubject,
        ["bor_value"] = ResponseOps.BorValue,
        ["bor_confirmation"] = ResponseOps.Confirmation,
        ["bor_traceability"] = ResponseOps.Traceability,
        ["define_present"] = DefineOps.Present,
        ["define_schema"] = DefineOps.Schema,
        ["define_standards"] = DefineOps.Standards,
        ["define_datasets"] = DefineOps.Datasets,
        ["define_variables"] = DefineOps.Variables,
        ["define_attributes"] = DefineOps.Attributes,
        ["define_labels"] = DefineOps.Labels,
        ["define_codelist_values"] = DefineOps.CodelistValues,
        ["define_keys"] = DefineOps.Keys,
        ["define_structure"] = DefineOps.Structure,
        ["define_leaf"] = DefineOps.Leaf,
        ["define_origins"] = DefineOps.Origins,
        ["define_stylesheet"] = DefineOps.Stylesheet,
        ["value_level"] = DefineOps.ValueLevel,
    };

    /// <summary>Names of all operations.</summary>
    public static IEnumerable<string> Names => Operations.Keys;

    /// <summary>Finds an operation.</summary>
    public static bool TryGet(string name, out Operation operation) => Operations.TryGetValue(name, out operation!);
}
