using System.CommandLine;
using PlanState.Cli.Output;
using PlanState.Diagnostics;

namespace PlanState.Cli.Commands;

/// <summary>
/// <c>planstate check [PATH] [--format text|json|sarif]</c>: the CI verify mode. Reports every finding; stale text is
/// an error here. Exit 0 without errors, 1 with errors.
/// </summary>
internal static class CheckCommand
{
    public const string Text = "text";
    public const string Json = "json";
    public const string Sarif = "sarif";

    public static Command Create(CommandContext context)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (path(line,col): error CODE: message), json or sarif (SARIF 2.1.0).",
            DefaultValueFactory = _ => Text,
            HelpName = "text|json|sarif",
        };
        format.AcceptOnlyFromAmong(Text, Json, Sarif);

        return context.PlanningCommand(
            "check",
            "Reports stale derived text, contradictions and input problems. Exit code 1 when there are errors.",
            (target, parseResult) => Run(context, target, parseResult.GetValue(format) ?? Text),
            format);
    }

    private static int Run(CommandContext context, PlanningTarget target, string format)
    {
        // One analysis, then the process ends: nothing is kept for a later one.
        using var engine = new PlanStateEngine { ReuseAcrossAnalyses = false };
        var analysis = engine.Analyze(target.PlanningRoot);
        var findings = analysis.Findings.ToList();
        switch (format)
        {
            case Json:
                context.Stdout.WriteLine(FindingJson.Write(findings, target));
                break;
            case Sarif:
                context.Stdout.WriteLine(FindingSarif.Write(findings, target, CliApp.Version));
                break;
            default:
                foreach (var finding in findings)
                {
                    context.Stdout.WriteLine(FindingText.Format(finding, target, hintUpdate: true));
                }

                context.Stderr.WriteLine(Summary(target, findings));
                break;
        }

        return analysis.HasErrors ? ExitCodes.Errors : ExitCodes.Success;
    }

    private static string Summary(PlanningTarget target, IReadOnlyCollection<Finding> findings)
    {
        var fixable = findings.Count(f => f.Fixable);
        var hint = fixable == 0 ? string.Empty : $"; {fixable} fixable with 'planstate update'";
        return $"Checked {target.DisplayRoot()}: {FindingText.Counts(findings)}{hint}.";
    }
}
