using BenchmarkDotNet.Running;

namespace PlanState.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/PlanState.Benchmarks -- [command]</c>:
/// no command (or BenchmarkDotNet's own options such as <c>--filter '*'</c>) runs the BenchmarkDotNet suite;
/// <c>generate DIR PLANS</c> writes a benchmark tree (used by compare-io-floor.sh);
/// <c>quick [PLANS...]</c> prints a fast Stopwatch table of the same scenarios;
/// <c>peak PLANS</c> runs one cold analysis in this process and prints its peak memory;
/// <c>profile PLANS</c> prints the CPU time of each stage of a from-scratch analysis (loading heads, frontmatter, scan, ROADMAP, rules);
/// <c>allocations PLANS</c> prints what the first cold analysis of a fresh process allocates, by type.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0)
        {
            switch (args[0])
            {
                case "generate" when args.Length == 3:
                    var tree = BenchmarkTrees.Write(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
                    Console.WriteLine(tree.Root);
                    return 0;
                case "quick":
                    QuickMeasure.Run(args.Skip(1).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Where(n => n > 0).ToArray());
                    return 0;
                case "profile" when args.Length == 2:
                    Profile.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
                    return 0;
                case "allocations" when args.Length == 2:
                    AllocationProfile.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
                    return 0;
                case "peak" when args.Length == 2:
                    QuickMeasure.Peak(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
                    return 0;
            }
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
