namespace PlanState.Cli;

/// <summary>The exit codes of every command.</summary>
public static class ExitCodes
{
    /// <summary>No errors (warnings and infos allowed).</summary>
    public const int Success = 0;

    /// <summary>The planning folder has errors: contradictions, stale text in <c>check</c>, or files <c>update</c> could not write.</summary>
    public const int Errors = 1;

    /// <summary>The command line was wrong, or PATH is not a readable planning folder.</summary>
    public const int UsageError = 2;
}
