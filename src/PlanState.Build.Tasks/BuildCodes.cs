using Microsoft.Build.Utilities;

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

/// <summary>Logging for the build integration's own errors, which point at no line of a planning file.</summary>
internal static class BuildErrorLog
{
    /// <summary>Logs a coded error through the full overload, so NoWarn, WarningsAsErrors and error lists treat it like any other.</summary>
    public static void LogCodedError(this TaskLoggingHelper log, string code, string message, string? file = null) =>
        log.LogError(
            subcategory: null,
            errorCode: code,
            helpKeyword: null,
            file: file,
            lineNumber: 0,
            columnNumber: 0,
            endLineNumber: 0,
            endColumnNumber: 0,
            message: message);
}
