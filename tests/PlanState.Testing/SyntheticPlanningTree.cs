using System.Globalization;
using System.Text;

namespace PlanState.Testing;

/// <summary>
/// Writes a synthetic but realistic GSD <c>.planning/</c> folder of any size: ROADMAP.md, STATE.md, phase folders
/// with PLAN and SUMMARY files, and optionally a shipped milestone archive. Every derived number in ROADMAP.md and
/// STATE.md is consistent with the phase folders (see <see cref="Oracle"/>), so a correct analyser reports nothing
/// until a test seeds a defect through <see cref="GeneratedTree"/>.
/// </summary>
public static class SyntheticPlanningTree
{
    private const string CurrentMilestone = "v1.1";
    private const string ShippedMilestone = "v1.0";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Creates <c>&lt;directory&gt;/.planning</c> (replacing nothing that exists outside it) and fills it.</summary>
    public static GeneratedTree Write(string directory, SyntheticTreeOptions options)
    {
        Validate(options);
        var model = TreeModel.Build(options);
        var root = Path.Combine(directory, ".planning");
        Directory.CreateDirectory(root);

        var documents = new List<(string Path, Func<string> Text)>
        {
            ("PROJECT.md", () => ProjectText(model)),
            ("REQUIREMENTS.md", () => RequirementsText(model)),
            ("config.json", ConfigText),
            ("ROADMAP.md", () => RoadmapText(model)),
            ("STATE.md", () => StateText(model)),
        };
        if (model.Archived.Count > 0)
        {
            documents.Add(($"milestones/{ShippedMilestone}-ROADMAP.md", () => ArchiveRoadmapText(model)));
            documents.Add(($"milestones/{ShippedMilestone}-REQUIREMENTS.md", () => ArchiveRequirementsText(model)));
        }

        foreach (var phase in model.Phases)
        {
            foreach (var plan in phase.Plans)
            {
                documents.Add(($"{phase.Folder}/{plan.Id}-PLAN.md", () => PlanText(model, plan)));
                if (plan.Completed)
                {
                    documents.Add(($"{phase.Folder}/{plan.Id}-SUMMARY.md", () => SummaryText(model, plan)));
                }
            }
        }

        foreach (var folder in model.Phases.Select(p => p.Folder))
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
        }

        // Each text depends only on the model (per-plan randomness is seeded from the plan's index), so the
        // files can be produced in parallel and still be byte-identical for a seed.
        Parallel.ForEach(documents, document =>
        {
            var text = document.Text();
            if (options.LineEndings == LineEndingStyle.CrLf)
            {
                text = text.Replace("\n", "\r\n", StringComparison.Ordinal);
            }

            var body = Utf8NoBom.GetBytes(text);
            var bytes = options.Bom && document.Path.EndsWith(".md", StringComparison.Ordinal) ? [0xEF, 0xBB, 0xBF, .. body] : body;
            File.WriteAllBytes(Path.Combine(root, document.Path), bytes);
        });

        return new GeneratedTree(root, options, documents.Select(d => d.Path), model.Expected);
    }

    private static void Validate(SyntheticTreeOptions options)
    {
        if (options.Phases < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Phases, "Phases must be at least 1.");
        }

        if (options.PlansPerPhase < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PlansPerPhase, "PlansPerPhase must be at least 1.");
        }

        if (options.CompletedFraction is < 0 or > 1 || double.IsNaN(options.CompletedFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.CompletedFraction, "CompletedFraction must be between 0 and 1.");
        }

        if (options.ArchivedPhases < 0 || options.ArchivedPhases >= options.Phases)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ArchivedPhases, "ArchivedPhases must leave at least one current phase.");
        }
    }

    // ---------------------------------------------------------------- ROADMAP.md

    private static string RoadmapText(TreeModel model)
    {
        var sb = new StringBuilder(256 + (model.Phases.Count * (300 + (model.Options.PlansPerPhase * 60))));
        sb.Append("# Roadmap: ").Append(model.ProjectName).Append("\n\n## Overview\n\n")
          .Append(model.ProjectName).Append(" is delivered in ").Append(model.Phases.Count)
          .Append(" phases. Each phase ends with working software that a user can try.\n\n");

        if (model.Archived.Count == 0)
        {
            sb.Append("## Phases\n\n");
            AppendPhaseChecklist(sb, model.Current);
            sb.Append("\n## Phase Details\n\n");
            foreach (var phase in model.Current)
            {
                AppendPhaseSection(sb, phase, "###");
            }

            AppendProgressTable(sb, model, withMilestone: false);
            return sb.ToString();
        }

        var lastArchived = model.Archived[^1].Number;
        sb.Append("## Milestones\n\n")
          .Append("- ✅ **").Append(ShippedMilestone).Append(" MVP** - ").Append(PhaseRange(1, lastArchived))
          .Append(" (shipped ").Append(Date(model.ShippedOn)).Append(")\n")
          .Append("- 🚧 **").Append(CurrentMilestone).Append(' ').Append(model.MilestoneName).Append("** - ")
          .Append(PhaseRange(model.Current[0].Number, model.Current[^1].Number)).Append(" (in progress)\n\n")
          .Append("## Phases\n\n<details>\n<summary>✅ ").Append(ShippedMilestone).Append(" MVP (").Append(PhaseRange(1, lastArchived))
          .Append(") - SHIPPED ").Append(Date(model.ShippedOn)).Append("</summary>\n\n");
        foreach (var phase in model.Archived)
        {
            AppendPhaseSection(sb, phase, "###");
        }

        sb.Append("</details>\n\n### 🚧 ").Append(CurrentMilestone).Append(' ').Append(model.MilestoneName)
          .Append(" (In Progress)\n\n**Milestone Goal:** Take ").Append(model.ProjectName)
          .Append(" from MVP to something a paying team can rely on.\n\n");
        AppendPhaseChecklist(sb, model.Current);
        sb.Append('\n');
        foreach (var phase in model.Current)
        {
            AppendPhaseSection(sb, phase, "####");
        }

        AppendProgressTable(sb, model, withMilestone: true);
        return sb.ToString();
    }

    private static void AppendPhaseChecklist(StringBuilder sb, IReadOnlyList<PhaseModel> phases)
    {
        foreach (var phase in phases)
        {
            sb.Append(phase.IsComplete ? "- [x] **Phase " : "- [ ] **Phase ").Append(phase.Number).Append(": ").Append(phase.Name)
              .Append("** - ").Append(phase.Goal);
            if (phase.IsComplete)
            {
                sb.Append(" (completed ").Append(Date(phase.CompletedOn!.Value)).Append(')');
            }

            sb.Append('\n');
        }
    }

    private static void AppendPhaseSection(StringBuilder sb, PhaseModel phase, string hashes)
    {
        sb.Append(hashes).Append(" Phase ").Append(phase.Number).Append(": ").Append(phase.Name).Append('\n')
          .Append("**Goal**: ").Append(phase.Goal).Append('\n')
          .Append("**Depends on**: ").Append(phase.Number == 1 ? "Nothing (first phase)" : "Phase " + (phase.Number - 1)).Append('\n')
          .Append("**Requirements**: ").Append(string.Join(", ", phase.Requirements)).Append('\n')
          .Append("**Plans:** ").Append(phase.Plans.Count).Append(phase.Plans.Count == 1 ? " plan" : " plans").Append("\n\nPlans:\n");
        foreach (var plan in phase.Plans)
        {
            sb.Append(plan.Completed ? "- [x] " : "- [ ] ").Append(plan.Id).Append("-PLAN.md — ").Append(plan.Title).Append('\n');
        }

        sb.Append('\n');
    }

    private static void AppendProgressTable(StringBuilder sb, TreeModel model, bool withMilestone)
    {
        sb.Append("## Progress\n\n");
        sb.Append(withMilestone
            ? "| Phase | Milestone | Plans Complete | Status | Completed |\n|-------|-----------|----------------|--------|-----------|\n"
            : "| Phase | Plans Complete | Status | Completed |\n|-------|----------------|--------|-----------|\n");
        foreach (var phase in model.Phases)
        {
            sb.Append("| ").Append(phase.Number).Append(". ").Append(phase.Name).Append(" | ");
            if (withMilestone)
            {
                sb.Append(phase.Archived ? ShippedMilestone : CurrentMilestone).Append(" | ");
            }

            var status = phase.IsComplete ? "Complete" : phase.CompletedCount > 0 ? "In Progress" : "Not started";
            sb.Append(phase.CompletedCount).Append('/').Append(phase.Plans.Count).Append(" | ").Append(status).Append(" | ")
              .Append(phase.IsComplete ? Date(phase.CompletedOn!.Value) : "-").Append(" |\n");
        }
    }

    // ---------------------------------------------------------------- STATE.md

    private static string StateText(TreeModel model)
    {
        var e = model.Expected;
        var current = model.Phases.First(p => p.Number == e.CurrentPhase);
        var last = model.LastCompleted;
        var lastDate = last is null ? model.RoadmapCreatedOn : last.CompletedAt;
        var activity = last is null ? "Roadmap created" : $"Completed {last.Id}-PLAN.md";
        var status = last is null ? "Ready to execute"
            : e.CompletedPlans == e.TotalPlans ? "Milestone complete"
            : current.IsComplete ? "Phase complete" : "In progress";

        var sb = new StringBuilder(4096 + (model.Current.Count * 48));
        sb.Append("---\ngsd_state_version: 1.0\n")
          .Append("milestone: ").Append(model.Archived.Count > 0 ? CurrentMilestone : ShippedMilestone).Append('\n')
          .Append("milestone_name: ").Append(model.Archived.Count > 0 ? model.MilestoneName : "milestone").Append('\n')
          .Append("status: ").Append(last is null ? "planning" : "executing").Append('\n')
          .Append("stopped_at: ").Append(activity).Append('\n')
          .Append("last_updated: \"").Append(lastDate.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", Invariant)).Append("\"\n")
          .Append("last_activity: ").Append(Date(lastDate)).Append('\n')
          .Append("progress:\n")
          .Append("  total_phases: ").Append(e.TotalPhases).Append('\n')
          .Append("  completed_phases: ").Append(e.CompletedPhases).Append('\n')
          .Append("  total_plans: ").Append(e.TotalPlans).Append('\n')
          .Append("  completed_plans: ").Append(e.CompletedPlans).Append('\n')
          .Append("  percent: ").Append(e.FrontmatterPercent).Append('\n')
          .Append("---\n\n# Project State\n\n## Project Reference\n\n")
          .Append("See: .planning/PROJECT.md (updated ").Append(Date(model.RoadmapCreatedOn)).Append(")\n\n")
          .Append("**Core value:** ").Append(model.CoreValue).Append('\n')
          .Append("**Current focus:** Phase ").Append(current.Number).Append(" - ").Append(current.Name).Append("\n\n")
          .Append("## Current Position\n\n")
          .Append("Phase: ").Append(e.CurrentPhase).Append(" of ").Append(e.IntegerPhasesInRoadmap).Append(" (").Append(current.Name).Append(")\n")
          .Append("Plan: ").Append(e.CurrentPlan).Append(" of ").Append(e.CurrentPhasePlans).Append(" in current phase\n")
          .Append("Status: ").Append(status).Append('\n')
          .Append("Last activity: ").Append(Date(lastDate)).Append(" — ").Append(activity).Append("\n\n")
          .Append("Progress: [").Append('█', e.BarFilled).Append('░', e.BarWidth - e.BarFilled).Append("] ").Append(e.Percent)
          .Append("% (").Append(e.CompletedPlans).Append('/').Append(e.TotalPlans).Append(" plans)\n\n")
          .Append("## Performance Metrics\n\n**Velocity:**\n")
          .Append("- Total plans completed: ").Append(e.CompletedPlans).Append('\n')
          .Append("- Average duration: ").Append(e.CompletedPlans == 0 ? "-" : Minutes(e.AverageMinutes)).Append('\n')
          .Append("- Total execution time: ").Append(Oracle.RoundTo(e.TotalMinutes / 60, 2).ToString("0.00", Invariant)).Append(" hours\n\n")
          .Append("**By Phase:**\n\n| Phase | Plans | Total | Avg/Plan |\n|-------|-------|-------|----------|\n");
        foreach (var phase in model.Current.Where(p => p.CompletedCount > 0))
        {
            var total = phase.CompletedSeconds / 60.0;
            sb.Append("| ").Append(phase.Number).Append(". ").Append(phase.Name).Append(" | ")
              .Append(phase.CompletedCount).Append('/').Append(phase.Plans.Count).Append(" | ")
              .Append(Minutes(total)).Append(" | ").Append(Minutes(total / phase.CompletedCount)).Append(" |\n");
        }

        sb.Append("\n**Recent Trend:**\n- Last 5 plans: ");
        sb.Append(e.LastFivePlanIds.Count == 0
            ? "-"
            : string.Join(", ", e.LastFivePlanIds.Select(id => model.PlanById[id]).Select(p => $"{p.Id} ({p.Style.Format(p.Seconds)})")));
        sb.Append("\n- Trend: ").Append(e.TrendWord).Append("\n\n*Updated after each plan completion*\n\n")
          .Append("## Accumulated Context\n\n### Decisions\n\nDecisions are logged in PROJECT.md Key Decisions table.\n")
          .Append("Recent decisions affecting current work:\n\n");
        var recent = model.CompletedInScope.Skip(Math.Max(0, model.CompletedInScope.Count - 4)).ToList();
        if (recent.Count == 0)
        {
            sb.Append("- [Roadmap]: ").Append(model.Phases.Count).Append(" phases derived from the requirements\n");
        }

        foreach (var plan in recent)
        {
            sb.Append("- [").Append(plan.Id).Append("]: ").Append(plan.Decision).Append('\n');
        }

        sb.Append("\n### Pending Todos\n\nNone yet.\n\n### Blockers/Concerns\n\nNone yet.\n\n## Session Continuity\n\n")
          .Append("Last session: ").Append(lastDate.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant)).Append('\n')
          .Append("Stopped at: ").Append(activity).Append("\nResume file: None\n");
        return sb.ToString();
    }

    // ---------------------------------------------------------------- PLAN and SUMMARY files

    private static string PlanText(TreeModel model, PlanModel plan)
    {
        var random = plan.NewRandom(salt: 1);
        var phase = plan.Phase;
        var area = phase.Area;
        var files = Enumerable.Range(0, 2 + random.Next(4))
            .Select(i => $"src/{area}/{Vocabulary.Pick(random, Vocabulary.Areas)}-{Vocabulary.Pick(random, Vocabulary.Verbs).ToLowerInvariant()}{i}.ts")
            .ToList();
        var dependsOn = plan.Number == 1 ? "[]" : $"[\"{plan.Phase.PlanId(plan.Number - 1)}\"]";
        var target = 2400 + random.Next(2600);

        var sb = new StringBuilder(target + 1200);
        sb.Append("---\nphase: ").Append(phase.Slug).Append('\n')
          .Append("plan: ").Append(plan.Number.ToString("00", Invariant)).Append('\n')
          .Append("type: ").Append(random.Next(6) == 0 ? "tdd" : "execute").Append('\n')
          .Append("wave: ").Append(plan.Number).Append('\n')
          .Append("depends_on: ").Append(dependsOn).Append('\n')
          .Append("files_modified:\n");
        foreach (var file in files)
        {
            sb.Append("  - ").Append(file).Append('\n');
        }

        sb.Append("autonomous: ").Append(random.Next(5) == 0 ? "false" : "true").Append('\n')
          .Append("requirements: [").Append(phase.Requirements[(plan.Number - 1) % phase.Requirements.Count]).Append("]\n")
          .Append("user_setup: []\n\nmust_haves:\n  truths:\n");
        for (var i = 0; i < 2 + random.Next(2); i++)
        {
            sb.Append("    - \"").Append(Sentence(random)).Append("\"\n");
        }

        sb.Append("  artifacts:\n    - path: \"").Append(files[0]).Append("\"\n      provides: \"")
          .Append(Vocabulary.Pick(random, Vocabulary.Verbs)).Append(' ').Append(Vocabulary.Pick(random, Vocabulary.Things))
          .Append("\"\n      exports: [\"").Append(Identifier(random)).Append("\"]\n")
          .Append("  key_links:\n    - from: \"").Append(files[0]).Append("\"\n      to: \"").Append(files[^1])
          .Append("\"\n      via: \"import\"\n      pattern: \"").Append(Identifier(random)).Append("\\\\(\"\n---\n\n")
          .Append("<objective>\n").Append(plan.Title).Append(".\n\nPurpose: ").Append(Sentence(random)).Append('\n')
          .Append("Output: ").Append(string.Join(", ", files.Select(Path.GetFileName))).Append(" and their tests.\n</objective>\n\n")
          .Append("<execution_context>\n@~/.claude/get-shit-done/workflows/execute-plan.md\n@~/.claude/get-shit-done/templates/summary.md\n</execution_context>\n\n")
          .Append("<context>\n@.planning/PROJECT.md\n@.planning/ROADMAP.md\n@.planning/STATE.md\n</context>\n\n<tasks>\n\n");

        var tail = $"</tasks>\n\n<verification>\n- `{Vocabulary.Pick(random, Vocabulary.Checks)}` passes\n- {Sentence(random)}\n</verification>\n\n" +
                   $"<success_criteria>\n- {Sentence(random)}\n- {Sentence(random)}\n</success_criteria>\n\n" +
                   $"<output>\nAfter completion, create `.planning/{phase.Folder}/{plan.Id}-SUMMARY.md`\n</output>\n";
        for (var task = 1; task <= 2 || sb.Length + tail.Length < target; task++)
        {
            sb.Append("<task type=\"auto\">\n  <name>Task ").Append(task).Append(": ").Append(Vocabulary.Pick(random, Vocabulary.Verbs))
              .Append(' ').Append(Vocabulary.Pick(random, Vocabulary.Things)).Append("</name>\n  <files>")
              .Append(files[random.Next(files.Count)]).Append("</files>\n  <action>\n");
            for (var line = 0; line < 3; line++)
            {
                sb.Append("    ").Append(Sentence(random)).Append(' ').Append(Sentence(random)).Append('\n');
            }

            sb.Append("  </action>\n  <verify>").Append(Vocabulary.Pick(random, Vocabulary.Checks)).Append("</verify>\n  <done>")
              .Append(Sentence(random)).Append("</done>\n</task>\n\n");
        }

        return sb.Append(tail).ToString();
    }

    private static string SummaryText(TreeModel model, PlanModel plan)
    {
        var random = plan.NewRandom(salt: 2);
        var phase = plan.Phase;
        var target = 1300 + random.Next(2200);
        var completed = plan.DateOnly
            ? Date(plan.CompletedAt)
            : plan.CompletedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant);
        var started = plan.CompletedAt.AddSeconds(-plan.Seconds);
        var tasks = 2 + random.Next(3);
        var files = Enumerable.Range(0, 1 + random.Next(5)).Select(_ => $"src/{phase.Area}/{Identifier(random)}.ts").Distinct().ToList();

        var sb = new StringBuilder(target + 600);
        sb.Append("---\nphase: ").Append(phase.Slug).Append('\n')
          .Append("plan: ").Append(plan.Number.ToString("00", Invariant)).Append('\n')
          .Append("subsystem: ").Append(phase.Area).Append('\n')
          .Append("tags: [").Append(phase.Area).Append(", ").Append(Vocabulary.Pick(random, Vocabulary.Areas)).Append("]\n\n")
          .Append(plan.Number == 1 ? "requires: []\n" : $"requires:\n  - phase: {phase.Slug}\n    provides: {phase.PlanId(plan.Number - 1)} output\n")
          .Append("provides:\n  - ").Append(Vocabulary.Pick(random, Vocabulary.Things)).Append('\n')
          .Append("affects: [").Append(Vocabulary.Pick(random, Vocabulary.Areas)).Append("]\n\n")
          .Append("key-files:\n  created:\n").Append(string.Concat(files.Select(f => $"    - {f}\n")))
          .Append("  modified:\n    - src/").Append(phase.Area).Append("/index.ts\n\n")
          .Append("key-decisions:\n  - \"").Append(plan.Decision).Append("\"\n\n")
          .Append("requirements-completed: [").Append(phase.Requirements[(plan.Number - 1) % phase.Requirements.Count]).Append("]\n\n")
          .Append(random.Next(2) == 0 ? "# Metrics\n" : string.Empty)
          .Append("duration: ").Append(plan.Style.Format(plan.Seconds)).Append('\n')
          .Append("completed: ").Append(completed).Append("\n---\n\n")
          .Append("# Phase ").Append(phase.Number).Append(" Plan ").Append(plan.Number.ToString("00", Invariant)).Append(": ")
          .Append(plan.Title).Append(" Summary\n\n**").Append(Sentence(random)).Append("**\n\n## Performance\n\n")
          .Append("- **Duration:** ").Append(plan.Style.Format(plan.Seconds)).Append('\n')
          .Append("- **Started:** ").Append(started.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant)).Append('\n')
          .Append("- **Completed:** ").Append(plan.CompletedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant)).Append('\n')
          .Append("- **Tasks:** ").Append(tasks).Append('\n')
          .Append("- **Files modified:** ").Append(files.Count).Append("\n\n## Accomplishments\n\n");
        for (var i = 0; i < 3 + random.Next(3); i++)
        {
            sb.Append("- ").Append(Sentence(random)).Append('\n');
        }

        sb.Append("\n## Task Commits\n\nEach task was committed atomically:\n\n");
        for (var task = 1; task <= tasks; task++)
        {
            sb.Append(task).Append(". **Task ").Append(task).Append(": ").Append(Vocabulary.Pick(random, Vocabulary.Verbs)).Append(' ')
              .Append(Vocabulary.Pick(random, Vocabulary.Things)).Append("** - `").Append(random.Next(0x1000000, 0x10000000).ToString("x7", Invariant))
              .Append("` (").Append(random.Next(3) == 0 ? "test" : "feat").Append(")\n");
        }

        sb.Append("\n## Files Created/Modified\n\n");
        foreach (var file in files)
        {
            sb.Append("- `").Append(file).Append("` - ").Append(Sentence(random)).Append('\n');
        }

        sb.Append("\n## Decisions Made\n\n- ").Append(plan.Decision).Append("\n\n## Deviations from Plan\n\n");
        if (random.Next(4) == 0)
        {
            sb.Append("**1. [Rule 1 - Bug] ").Append(Sentence(random)).Append("**\n- **Found during:** Task 1\n- **Fix:** ")
              .Append(Sentence(random)).Append("\n- **Files modified:** `").Append(files[0]).Append("`\n");
        }
        else
        {
            sb.Append("None - plan executed exactly as written.\n");
        }

        sb.Append("\n## Issues Encountered\n\nNone\n\n## Next Phase Readiness\n\n");
        do
        {
            sb.Append("- ").Append(Sentence(random)).Append('\n');
        }
        while (sb.Length + 80 < target);

        sb.Append("\n---\n*Phase: ").Append(phase.Slug).Append("*\n*Completed: ").Append(Date(plan.CompletedAt)).Append("*\n");
        return sb.ToString();
    }

    // ---------------------------------------------------------------- context files

    private static string ProjectText(TreeModel model) =>
        $"# {model.ProjectName}\n\n## What This Is\n\n{model.ProjectName} is a synthetic project used to exercise planning tools.\n\n" +
        $"## Core Value\n\n{model.CoreValue}\n\n## Constraints\n\n- **Stack**: TypeScript services with a Postgres store\n\n" +
        $"---\n*Last updated: {Date(model.RoadmapCreatedOn)} after roadmap creation*\n";

    private static string RequirementsText(TreeModel model)
    {
        var sb = new StringBuilder("# Requirements: ").Append(model.ProjectName).Append("\n\n## Traceability\n\n| Requirement | Phase | Status |\n|-------------|-------|--------|\n");
        foreach (var phase in model.Current)
        {
            foreach (var requirement in phase.Requirements)
            {
                sb.Append("| ").Append(requirement).Append(" | Phase ").Append(phase.Number).Append(" | ")
                  .Append(phase.IsComplete ? "Complete" : "Pending").Append(" |\n");
            }
        }

        return sb.ToString();
    }

    private static string ConfigText() =>
        "{\n  \"mode\": \"yolo\",\n  \"depth\": \"standard\",\n  \"model_profile\": \"balanced\",\n  \"commit_docs\": true,\n" +
        "  \"workflow\": {\n    \"research\": true,\n    \"plan_check\": true,\n    \"verifier\": true\n  }\n}\n";

    private static string ArchiveRoadmapText(TreeModel model)
    {
        var sb = new StringBuilder("# Milestone ").Append(ShippedMilestone).Append(": MVP\n\n**Status:** ✅ SHIPPED ")
            .Append(Date(model.ShippedOn)).Append("\n**Phases:** ").Append(model.Archived.Count).Append("\n\n## Phases\n\n");
        foreach (var phase in model.Archived)
        {
            AppendPhaseSection(sb, phase, "###");
        }

        return sb.Append("---\n\n_For current project status, see .planning/ROADMAP.md_\n").ToString();
    }

    private static string ArchiveRequirementsText(TreeModel model)
    {
        var sb = new StringBuilder("# Requirements Archive: ").Append(ShippedMilestone).Append(" MVP\n\n**Archived:** ")
            .Append(Date(model.ShippedOn)).Append("\n**Status:** ✅ SHIPPED\n\n");
        foreach (var requirement in model.Archived.SelectMany(p => p.Requirements))
        {
            sb.Append("- [x] **").Append(requirement).Append("**: shipped\n");
        }

        return sb.ToString();
    }

    // ---------------------------------------------------------------- helpers

    private static string PhaseRange(int first, int last) => first == last ? $"Phase {first}" : $"Phases {first}-{last}";

    private static string Date(DateTime value) => value.ToString("yyyy-MM-dd", Invariant);

    /// <summary>Minutes with one decimal, the style the generated STATE.md uses for every derived duration.</summary>
    private static string Minutes(double minutes) => Oracle.RoundTo(minutes, 1).ToString("0.0", Invariant) + " min";

    private static string Sentence(Random random) =>
        $"{Vocabulary.Pick(random, Vocabulary.Verbs)} {Vocabulary.Pick(random, Vocabulary.Things)} {Vocabulary.Pick(random, Vocabulary.Reasons)}.";

    private static string Identifier(Random random) =>
        Vocabulary.Pick(random, Vocabulary.Verbs).ToLowerInvariant() + Vocabulary.Pick(random, Vocabulary.PhaseWords);
}
