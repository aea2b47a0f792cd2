namespace PlanState.Build.Tasks;

/// <summary>
/// Codes the build integration itself reports (9xxx), next to the engine's 1xxx–4xxx findings. Like the engine's codes
/// they work with NoWarn, WarningsAsErrors and the IDE's error list.
/// </summary>
internal static class BuildCodes
{
    /// <summary>The engine failed unexpectedly. The build fails with one error instead of a stack trace.</summary>
    public const string EngineFailure = "PLAN9001";

    /// <summary>PlanStateRoot names a folder that neither is nor contains a <c>.planning/</c> folder.</summary>
    public const string PlanningRootNotFound = "PLAN9002";

    /// <summary>PlanStateMode is neither Update nor Verify.</summary>
    public const string InvalidMode = "PLAN9003";
}
