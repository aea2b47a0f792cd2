using System.Diagnostics.Tracing;
using System.Globalization;

namespace PlanState.Benchmarks;

/// <summary>
/// <c>allocations PLANS</c>: the bytes one cold analysis allocates, by type, as the runtime's allocation sampling
/// (one <c>GCAllocationTick</c> event per about 100 KB) estimates them, and the collections it caused.
/// </summary>
/// <remarks>
/// It runs the first analysis of a fresh process on purpose: that is what <c>planstate check</c> and a build node's
/// first build do, with the framework's precompiled code and no tiered-up code yet. Such code can allocate where the
/// steady state of a BenchmarkDotNet run does not (a boxing generic found this way cost 46 MB per 10,000 plans).
/// For stacks, trace the CLI itself: <c>dotnet-trace collect --providers Microsoft-Windows-DotNETRuntime:0x1:5 -- planstate check DIR</c>.
/// </remarks>
internal static class AllocationProfile
{
    public static void Run(int plans)
    {
        using var folder = new BenchmarkFolder(plans);
        using var listener = new AllocationListener();
        var collections = GC.CollectionCount(0);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        using (var engine = new PlanStateEngine())
        {
            engine.Analyze(folder.Root);
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"plans={plans} allocated={allocated / 1048576.0:0.0} MB gen0-collections={GC.CollectionCount(0) - collections}"));
        foreach (var (type, bytes) in listener.Snapshot().OrderByDescending(pair => pair.Value).Take(25))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0,8:0.0} MB  {type}"));
        }
    }

    private sealed class AllocationListener : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private readonly Dictionary<string, long> bytesByType = new(StringComparer.Ordinal);

        public Dictionary<string, long> Snapshot()
        {
            lock (bytesByType)
            {
                return new Dictionary<string, long>(bytesByType, StringComparer.Ordinal);
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null || eventData.PayloadNames is null)
            {
                return;
            }

            var type = eventData.Payload[eventData.PayloadNames.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(eventData.Payload[eventData.PayloadNames.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
            lock (bytesByType)
            {
                bytesByType[type] = bytesByType.GetValueOrDefault(type) + amount;
            }
        }
    }
}
