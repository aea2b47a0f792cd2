namespace PlanState.Build.Tasks;

/// <summary>What a build does with stale derived text.</summary>
internal enum PlanStateMode
{
    /// <summary>Rewrite stale derived text in place (local builds).</summary>
    Update,

    /// <summary>Write nothing; stale derived text is an error (CI builds).</summary>
    Verify,
}

internal static class PlanStateModes
{
    public static bool TryParse(string? text, out PlanStateMode mode)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "UPDATE":
                mode = PlanStateMode.Update;
                return true;
            case "VERIFY":
                mode = PlanStateMode.Verify;
                return true;
            default:
                mode = PlanStateMode.Update;
                return false;
        }
    }
}
