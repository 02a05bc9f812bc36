using CdiscExport.Bench;

return args.FirstOrDefault() switch
{
    "lb" => LbBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/CdiscExport.Bench -- lb [--rows N] [--runs N] [--work DIR]
          lb    1,000,000-row LB: our csv->xpt vs R haven write_xpt, our xpt->csv vs readstat (whole processes)
        """);
    return 2;
}
