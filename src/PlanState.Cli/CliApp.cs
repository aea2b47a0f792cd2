using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using PlanState.Cli.Commands;

namespace PlanState.Cli;

/// <summary>
/// The <c>planstate</c> command line, runnable in-process: <c>check</c>, <c>update</c> and <c>status</c> over a
/// planning folder. Findings and results go to <c>stdout</c>; summaries and errors go to <c>stderr</c>.
/// </summary>
public static class CliApp
{
    /// <summary>Runs the command line with plain (uncoloured) output, as for redirected output. Returns the exit code (<see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, new CliOptions());

    /// <summary>Runs the command line. Returns the exit code: 0 no errors, 1 errors, 2 usage error or unreadable input.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliOptions options)
    {
        if (args is null) throw new ArgumentNullException(nameof(args));
        if (stdout is null) throw new ArgumentNullException(nameof(stdout));
        if (stderr is null) throw new ArgumentNullException(nameof(stderr));
        if (options is null) throw new ArgumentNullException(nameof(options));

        var context = new CommandContext(stdout, stderr, options);

        // Not a RootCommand: that names itself after the file the process started from (PlanState.Cli for the dotnet
        // tool, PlanState for a native build, whose name loses ".Cli" as if it were an extension), and help's usage
        // line should name the command people type.
        var root = new Command("planstate", "Checks a GSD .planning/ folder, rewrites its stale derived numbers and shows its progress.")
        {
            new HelpOption(),

            // The built-in action prints the entry assembly's version, which in-process (a test host) is not this tool's.
            new VersionOption { Action = new PrintVersionAction(stdout) },
            CheckCommand.Create(context),
            UpdateCommand.Create(context),
            StatusCommand.Create(context),
        };

        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                stderr.WriteLine($"planstate: error: {error.Message}");
            }

            stderr.WriteLine("Run 'planstate --help' for usage.");
            return ExitCodes.UsageError;
        }

        return parseResult.Invoke(new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,

            // A bug should surface as itself, not as exit code 1, which means "the folder has errors".
            EnableDefaultExceptionHandler = false,
        });
    }

    /// <summary>The tool's version without build metadata (<c>0.1.0</c>).</summary>
    public static string Version
    {
        get
        {
            var informational = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? typeof(CliApp).Assembly.GetName().Version?.ToString()
                ?? "0.0.0";
            var plus = informational.IndexOf('+');
            return plus < 0 ? informational : informational.Substring(0, plus);
        }
    }
}

/// <summary>Prints <see cref="CliApp.Version"/> for <c>--version</c>.</summary>
internal sealed class PrintVersionAction(TextWriter stdout) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        stdout.WriteLine(CliApp.Version);
        return ExitCodes.Success;
    }
}
