using PlanState.Model;

namespace PlanState.Incremental;

/// <summary>One step run for one key (a file or folder path; empty for the whole-project steps).</summary>
public sealed record IncrementalStepRun(IncrementalStep Step, string Key, IncrementalStepReason Reason);

/// <summary>
/// Why each step of one analysis ran, for tests and diagnostics. Every step run is counted; with
/// <see cref="PlanStateEngine.TrackIncrementalSteps"/> on, the runs other than <see cref="IncrementalStepReason.Cached"/>
/// are also listed with their key. (Listing the cached ones too would cost a record per file on every no-change run,
/// which is the run that must be cheapest.)
/// </summary>
public sealed class IncrementalRunTrace
{
    // The enums' sizes as constants, not Enum.GetValues(...).Length: that reflection JIT-compiled a generic cache
    // helper in every new process. A test holds both to the enums.
    internal const int Reasons = (int)IncrementalStepReason.Removed + 1;
    internal const int Steps = (int)IncrementalStep.Edits + 1;
    private readonly int[] counts;

    internal IncrementalRunTrace(int[] counts, EquatableArray<IncrementalStepRun>? runs, int filesRead, int filesParsed, bool watched)
    {
        this.counts = counts;
        ListsRuns = runs is not null;
        Runs = runs ?? default;
        FilesRead = filesRead;
        FilesParsed = filesParsed;
        Watched = watched;
    }

    /// <summary>
    /// True when the run trusted a synced change watcher and went to disk only for what it reported; false when it
    /// checked every folder and file on disk (no watcher, the first run of a root, or a watcher that could not vouch
    /// for every change).
    /// </summary>
    public bool Watched { get; }

    /// <summary>Whether <see cref="Runs"/> lists the runs (<see cref="PlanStateEngine.TrackIncrementalSteps"/> was on).</summary>
    public bool ListsRuns { get; }

    /// <summary>
    /// Every step run whose reason is not <see cref="IncrementalStepReason.Cached"/>, in pipeline order; empty unless
    /// <see cref="ListsRuns"/>.
    /// </summary>
    public EquatableArray<IncrementalStepRun> Runs { get; }

    /// <summary>Files whose content was read from disk in this run (PLAN and SUMMARY heads, STATE.md, ROADMAP.md).</summary>
    public int FilesRead { get; }

    /// <summary>Files that were parsed in this run: the <see cref="IncrementalStep.FileParse"/> runs that were New, Modified or Unchanged.</summary>
    public int FilesParsed { get; }

    /// <summary>How many runs of <paramref name="step"/> had <paramref name="reason"/>.</summary>
    public int Count(IncrementalStep step, IncrementalStepReason reason) => counts[Index(step, reason)];

    /// <summary>The listed runs of one step (every reason but Cached).</summary>
    /// <exception cref="InvalidOperationException">The runs were not listed (<see cref="ListsRuns"/> is false).</exception>
    public IEnumerable<IncrementalStepRun> Of(IncrementalStep step) =>
        ListsRuns ? Runs.Where(r => r.Step == step)
        : throw new InvalidOperationException("The runs were not listed: turn on PlanStateEngine.TrackIncrementalSteps.");

    /// <summary>The reason of a whole-project step (ProjectModel, Calculations, Rules, Edits): it runs once per analysis.</summary>
    public IncrementalStepReason ReasonOf(IncrementalStep step)
    {
        for (var reason = 0; reason < Reasons; reason++)
        {
            if (Count(step, (IncrementalStepReason)reason) > 0)
            {
                return (IncrementalStepReason)reason;
            }
        }

        throw new InvalidOperationException($"The step {step} did not run.");
    }

    public override string ToString() =>
        string.Join(
            "; ",
            Enumerable.Range(0, Steps).Select(step => (IncrementalStep)step).Select(step =>
                step + ": " + string.Join(", ", Enumerable.Range(0, Reasons).Select(reason => (IncrementalStepReason)reason)
                    .Where(r => Count(step, r) > 0)
                    .Select(r => $"{Count(step, r)} {r}"))));

    internal static int Index(IncrementalStep step, IncrementalStepReason reason) => ((int)step * Reasons) + (int)reason;

    /// <summary>Collects one run's trace; one per thread, merged at the end.</summary>
    /// <param name="listsRuns">False to count the steps without listing their runs (a record per file, 17,000 at 10,000 plans).</param>
    internal sealed class Builder(bool listsRuns = true)
    {
        private readonly int[] counts = new int[Steps * Reasons];
        private readonly List<IncrementalStepRun> runs = new();

        /// <summary>A builder for one thread's or one folder's share of the run, listing runs as this one does.</summary>
        public Builder Part() => new(listsRuns);

        public int FilesRead { get; set; }

        public int FilesParsed { get; set; }

        public bool Watched { get; set; }

        public void Record(IncrementalStep step, string key, IncrementalStepReason reason)
        {
            counts[Index(step, reason)]++;
            if (listsRuns && reason != IncrementalStepReason.Cached)
            {
                runs.Add(new IncrementalStepRun(step, key, reason));
            }
        }

        /// <summary>Records <paramref name="counts"/>[reason] runs of <paramref name="step"/> for each reason (with an empty key).</summary>
        public void Record(IncrementalStep step, int[] counts)
        {
            for (var reason = 0; reason < counts.Length; reason++)
            {
                if ((IncrementalStepReason)reason == IncrementalStepReason.Cached)
                {
                    RecordCached(step, counts[reason]);
                    continue;
                }

                for (var i = 0; i < counts[reason]; i++)
                {
                    Record(step, string.Empty, (IncrementalStepReason)reason);
                }
            }
        }

        public void RecordCached(IncrementalStep step, int count) => counts[Index(step, IncrementalStepReason.Cached)] += count;

        public void Add(Builder other)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] += other.counts[i];
            }

            runs.AddRange(other.runs);
            FilesRead += other.FilesRead;
            FilesParsed += other.FilesParsed;
        }

        public IncrementalRunTrace Build() => new((int[])counts.Clone(), listsRuns ? RunsInStepOrder() : null, FilesRead, FilesParsed, Watched);

        /// <summary>
        /// The runs grouped by step in pipeline order, each step's runs in the order they ran: a counting sort (one pass
        /// to count each step's runs, one to place them), not a LINQ sort keyed by the enum, whose generic code is
        /// JIT-compiled in every new process, nor a pass per step (17,000 file parses each time, at 10,000 plans).
        /// </summary>
        private EquatableArray<IncrementalStepRun> RunsInStepOrder()
        {
            var starts = new int[Steps + 1];
            foreach (var run in runs)
            {
                starts[(int)run.Step + 1]++;
            }

            for (var step = 1; step <= Steps; step++)
            {
                starts[step] += starts[step - 1];
            }

            var ordered = new IncrementalStepRun[runs.Count];
            foreach (var run in runs)
            {
                ordered[starts[(int)run.Step]++] = run;
            }

            return EquatableArray<IncrementalStepRun>.TakeOwnership(ordered);
        }
    }
}
