namespace PlanState.Cli.Tests.Support;

/// <summary>
/// A small consistent planning folder: ROADMAP with phases 1 (Alpha, 2 of 2 plans done, 10 + 20 min) and 2 (Beta,
/// 1 of 2 done, 30 min). So: 3/4 plans, 75%, 1/2 phases complete, average 20 min, total 1 hour.
/// </summary>
public static class PlanningFixture
{
    public const string Roadmap = """
        # Roadmap: Synth

        ## Phases

        - [x] **Phase 1: Alpha** - First things (completed 2026-03-02)
        - [ ] **Phase 2: Beta** - Second things

        ### Phase 1: Alpha
        **Goal**: Alpha works
        **Plans:** 2 plans

        Plans:
        - [x] 01-01-PLAN.md — Schema
        - [x] 01-02-PLAN.md — API

        ### Phase 2: Beta
        **Goal**: Beta works
        **Plans:** 2 plans

        Plans:
        - [x] 02-01-PLAN.md — Queue
        - [ ] 02-02-PLAN.md — Upload

        ## Progress

        | Phase | Plans Complete | Status | Completed |
        |-------|----------------|--------|-----------|
        | 1. Alpha | 2/2 | Complete | 2026-03-02 |
        | 2. Beta | 1/2 | In Progress | - |

        """;

    public const string State = """
        # Project State

        **Current focus:** Phase 2 - Beta

        ## Current Position

        Phase: 2 of 2 (Beta)
        Plan: 1 of 2 in current phase
        Status: In progress
        Last activity: 2026-03-03 — Completed 02-01-PLAN.md

        Progress: [████████░░] 75%

        ## Performance Metrics

        **Velocity:**
        - Total plans completed: 3
        - Average duration: 20 min
        - Total execution time: 1.00 hours

        **By Phase:**

        | Phase | Plans | Total | Avg/Plan |
        |-------|-------|-------|----------|
        | 1. Alpha | 2/2 | 30 min | 15 min |
        | 2. Beta | 1/2 | 30 min | 30 min |

        **Recent Trend:**
        - Last 5 plans: 10min, 20min, 30min
        - Trend: Not enough data

        ## Session Continuity

        Last session: 2026-03-03
        Stopped at: Completed 02-01-PLAN.md
        Resume file: None

        """;

    /// <summary>Writes the folder under <paramref name="temp"/>/.planning and returns the planning root.</summary>
    public static string Write(TempDirectory temp, string? state = null, string? roadmap = null)
    {
        var root = temp.Combine(".planning");
        Write(root, "ROADMAP.md", roadmap ?? Roadmap);
        Write(root, "STATE.md", state ?? State);
        Plan(root, "01-alpha", "01-01");
        Plan(root, "01-alpha", "01-02");
        Plan(root, "02-beta", "02-01");
        Plan(root, "02-beta", "02-02");
        Summary(root, "01-alpha", "01-01", "10min", "2026-03-01");
        Summary(root, "01-alpha", "01-02", "20min", "2026-03-02");
        Summary(root, "02-beta", "02-01", "30min", "2026-03-03");
        return root;
    }

    private static void Plan(string root, string phase, string id) =>
        Write(root, $"phases/{phase}/{id}-PLAN.md", $"---\nphase: {phase}\nplan: {id[^2..]}\n---\n\n# Plan {id}\n");

    private static void Summary(string root, string phase, string id, string duration, string completed) =>
        Write(root, $"phases/{phase}/{id}-SUMMARY.md", $"---\nphase: {phase}\nplan: {id[^2..]}\nduration: {duration}\ncompleted: {completed}\n---\n\n# Summary {id}\n");

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n"));
    }
}
