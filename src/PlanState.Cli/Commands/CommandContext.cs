using System.CommandLine;

namespace PlanState.Cli.Commands;

/// <summary>What every command writes to and how it finds its PATH.</summary>
internal sealed class CommandContext(TextWriter stdout, TextWriter stderr, CliOptions options)
{
    public TextWriter Stdout { get; } = stdout;

    public TextWriter Stderr { get; } = stderr;

    public CliOptions Options { get; } = options;

    public string WorkingDirectory => Options.WorkingDirectory ?? Directory.GetCurrentDirectory();

    /// <summary>The optional PATH argument every command takes.</summary>
    public static Argument<string?> PathArgument()
    {
        var path = new Argument<string?>("PATH")
        {
            Description = "A repository root that contains .planning/, a .planning/ folder, or a folder holding STATE.md or ROADMAP.md. Default: the current folder.",
            Arity = ArgumentArity.ZeroOrOne,
        };

        // The parser hands an unknown option such as --colour to PATH; report it as the option it is.
        path.Validators.Add(result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
            if (token is not null && token.StartsWith('-') && !Directory.Exists(token) && !File.Exists(token))
            {
                result.AddError($"Unrecognized option '{token}'.");
            }
        });
        return path;
    }

    /// <summary>
    /// A command over a planning folder: resolves PATH (a usage error when it names none), then runs
    /// <paramref name="body"/> under <see cref="Guard"/>.
    /// </summary>
    public Command PlanningCommand(string name, string description, Func<PlanningTarget, ParseResult, int> body, params Option[] options)
    {
        var path = PathArgument();
        var command = new Command(name, description) { path };
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult =>
        {
            var target = Resolve(parseResult.GetValue(path));
            return target is null ? ExitCodes.UsageError : Guard(target, () => body(target, parseResult));
        });
        return command;
    }

    /// <summary>Resolves PATH; on failure writes a one-line error to stderr and returns null.</summary>
    public PlanningTarget? Resolve(string? typedPath)
    {
        if (PlanningTarget.TryResolve(typedPath, WorkingDirectory, out var target, out var error))
        {
            return target;
        }

        Stderr.WriteLine($"planstate: error: {error}");
        return null;
    }

    /// <summary>
    /// Runs <paramref name="body"/>, turning a folder that cannot be read at all (permissions, a vanished folder)
    /// into a one-line error and exit code 2. File content never throws: it becomes findings.
    /// </summary>
    public int Guard(PlanningTarget target, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Stderr.WriteLine($"planstate: error: cannot read '{target.DisplayRoot()}': {e.Message}");
            return ExitCodes.UsageError;
        }
    }
}
