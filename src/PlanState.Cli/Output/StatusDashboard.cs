using System.Globalization;
using PlanState.Analysis;
using PlanState.Diagnostics;
using PlanState.Model;
using PlanState.Rewriting.Formatting;
using Spectre.Console;

namespace PlanState.Cli.Output;

/// <summary>Renders the <c>status</c> dashboard. Every text from the planning files is markup-escaped.</summary>
internal static class StatusDashboard
{
    public const int BarWidth = 30;

    private static readonly DurationStyle WholeMinutesStyle = new(DurationUnit.Minutes, "min", string.Empty, true, false, 0, false);
    private static readonly DurationStyle MinutesStyle = WholeMinutesStyle with { Decimals = 1 };
    private static readonly DurationStyle HoursStyle = new(DurationUnit.HoursMinutes, "h", "m", false, true, 0, false);

    public static void Render(IAnsiConsole console, StatusModel model, PlanningTarget target)
    {
        var metrics = model.Metrics;
        var folder = model.Analysis.Folder;

        console.Write(new Rule($"[bold]PlanState[/] {Markup.Escape(target.DisplayRoot())}").LeftJustified());
        console.WriteLine();

        if (folder.IsStateOnly)
        {
            // Nothing on disk to count plans from: show what STATE.md claims rather than a meaningless 0/0.
            console.MarkupLine("[bold]STATE.md only[/] [dim](no ROADMAP.md or phases/ folder: STATE.md is checked against itself)[/]");
            var claimed = folder.State?.Progress?.Value.Text;
            console.MarkupLine($"Progress: {Markup.Escape(claimed ?? "(no Progress: line)")}");
        }
        else
        {
            var scopeName = metrics.CurrentMilestone is null ? "All phases" : $"Milestone {metrics.CurrentMilestone}";
            console.MarkupLine($"[bold]{Markup.Escape(scopeName)}[/]");
            console.MarkupLine(
                $"{Bar(console, metrics.Percent)} [bold]{metrics.Percent}%[/]  "
                + $"{metrics.CompletedPlans}/{metrics.TotalPlans} plans, {metrics.CompletedPhases}/{metrics.TotalPhases} phases complete");
        }

        console.WriteLine();
        WritePhases(console, model);
        WriteVelocity(console, metrics);
        WriteFindings(console, model.Analysis.Findings, target);
    }

    private static string Bar(IAnsiConsole console, int percent)
    {
        var unicode = console.Profile.Capabilities.Unicode;
        var filled = Formulas.BarFill(percent, BarWidth);
        var full = new string(unicode ? '█' : '#', filled);
        var empty = new string(unicode ? '░' : '-', BarWidth - filled);
        return $"[green]{full}[/][grey]{empty}[/]";
    }

    private static void WritePhases(IAnsiConsole console, StatusModel model)
    {
        var phases = model.ScopePhases;
        if (phases.Count == 0)
        {
            console.MarkupLine("[dim]No phases.[/]");
            console.WriteLine();
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("Phases");
        table.AddColumn("Phase");
        table.AddColumn("Name");
        table.AddColumn(new TableColumn("Plans").RightAligned());
        table.AddColumn(new TableColumn("Done").RightAligned());
        table.AddColumn("Status");
        table.AddColumn(new TableColumn("Time").RightAligned());
        foreach (var phase in phases)
        {
            var aggregate = phase.Aggregate;
            var time = aggregate is { DurationCount: > 0 } ? Duration(aggregate.TotalSeconds) : "-";
            table.AddRow(
                Markup.Escape(phase.Number.ToString()),
                Markup.Escape(StatusModel.PhaseName(phase)),
                phase.PlanCount.ToString(CultureInfo.InvariantCulture),
                phase.CompletedCount.ToString(CultureInfo.InvariantCulture),
                StatusMarkup(StatusModel.PhaseStatus(phase)),
                time);
        }

        console.Write(table);
        console.WriteLine();
    }

    private static string StatusMarkup(string status) => status switch
    {
        "Complete" => "[green]Complete[/]",
        "In progress" => "[yellow]In progress[/]",
        "Planned" => "[blue]Planned[/]",
        _ => "[dim]" + Markup.Escape(status) + "[/]",
    };

    private static void WriteVelocity(IAnsiConsole console, ProjectMetrics metrics)
    {
        console.MarkupLine("[bold]Velocity[/]");
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("Plans completed", metrics.ActiveCompletedPlans.ToString(CultureInfo.InvariantCulture));
        grid.AddRow("Average duration", metrics.AverageSeconds is { } average ? Duration(average) : "-");
        grid.AddRow("Total time", metrics.ActiveDurationCount > 0 ? Duration(metrics.ActiveTotalSeconds) : "-");
        grid.AddRow("Trend", Markup.Escape(Formulas.TrendText(metrics.Trend)));
        if (!metrics.RecentPlans.IsEmpty)
        {
            var recent = metrics.RecentPlans.Select(p => p.Seconds is { } s ? $"{p.Id} ({Duration(s)})" : p.Id.ToString());
            grid.AddRow("Last plans", Markup.Escape(string.Join(", ", recent)));
        }

        console.Write(grid);
        console.WriteLine();
    }

    private static void WriteFindings(IAnsiConsole console, EquatableArray<Finding> findings, PlanningTarget target)
    {
        if (findings.IsEmpty)
        {
            console.MarkupLine("[bold]Findings[/]: [green]none[/]");
            return;
        }

        console.MarkupLine($"[bold]Findings[/]: {Markup.Escape(FindingText.Counts(findings))}");
        foreach (var finding in findings)
        {
            var colour = finding.Severity switch
            {
                Severity.Error => "red",
                Severity.Warning => "yellow",
                _ => "grey",
            };
            console.MarkupLine($"[{colour}]{Markup.Escape(FindingText.Format(finding, target, hintUpdate: true))}[/]");
        }
    }

    /// <summary>Minutes under an hour (<c>26 min</c>, <c>3.5 min</c>), hours and minutes above (<c>1h 5m</c>).</summary>
    internal static string Duration(double seconds)
    {
        if (seconds >= 3600)
        {
            return DurationFormatter.Format(seconds, HoursStyle);
        }

        var wholeMinutes = Math.Abs(seconds / 60 - Math.Round(seconds / 60)) < 0.05;
        return DurationFormatter.Format(seconds, wholeMinutes ? WholeMinutesStyle : MinutesStyle);
    }
}
