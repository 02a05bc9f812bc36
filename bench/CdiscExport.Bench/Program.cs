using CdiscExport.Bench;

return args.FirstOrDefault() switch
{
    "lb" => LbBenchmark.Run(args[1..]),
    "dsj" => DatasetJsonBenchmark.Run(args[1..]),
    "generate" => StudyGenerator.Run(args[1..]),
    "scale" => ScaleBenchmark.Run(args[1..]),
    "validate" => ValidateBenchmark.Run(args[1..]),
    "raw-layout" => RawLayoutBenchmark.Run(args[1..]),
    "review" => ReviewBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/CdiscExport.Bench -- lb [--rows N] [--runs N] [--work DIR]
          lb        1,000,000-row LB: our csv->xpt vs R haven write_xpt, our xpt->csv vs readstat (whole processes)
        usage: dotnet run -c Release --project bench/CdiscExport.Bench -- dsj [--rows N] [--runs N] [--work DIR]
          dsj       1,000,000-row LB: our xpt->ndjson and ndjson->xpt (and dsjc both ways) as ratios to our xpt->csv, peak memory
        usage: dotnet run -c Release --project bench/CdiscExport.Bench -- generate --subjects N --out DIR
          generate  the sample study's raw forms at N subjects (export them with --raw DIR)
        usage: dotnet run -c Release --project bench/CdiscExport.Bench -- scale [--subjects 500,5000,20000] [--convert-rows 200000] [--work DIR]
          scale     the whole export at N subjects vs R haven writing the same datasets; time, memory, cost per row;
                    then lb's two conversions at --convert-rows N (default 200000, 0 skips them)
        usage: dotnet run -c Release --project bench/CdiscExport.Bench -- validate [--subjects 5000] [--runs 3] [--work DIR] [--rebuild] [--timings] [--validate-options "--include-deprecated --max-findings 0"]
          validate  `cdisc-export validate` (every rule) on the package at N subjects and on the CDISC pilot vs R haven only
                    reading the same XPT files (and readstat xpt->csv); time, memory, rows/s. Reuses WORK/out-N unless
                    --rebuild; --timings adds one CDISC_EXPORT_TIMINGS=1 run per package (untimed) to show where time goes
        usage: dotnet run -c Release --project bench/CdiscExport.Bench -- raw-layout [--rows 1000000] [--runs 3] [--work DIR]
          raw-layout  the same lab form mapped to LB from a comma/period UTF-8 layout and from a semicolon/decimal-comma
                      Latin-1 one (export --formats csv, whole processes); the LB files must be identical
        usage: dotnet run -c Release --project bench/CdiscExport.Bench -- review [--subjects 5000] [--runs 3] [--work DIR] [--rebuild]
          review    `cdisc-export review` on the package at N subjects (target < 5 s), then the page opened in headless
                    chromium: time to its first table, records in the table's DOM. Reuses WORK/out-N unless --rebuild
        """);
    return 2;
}
