using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace PlanState.Build.Tasks;

/// <summary>An unexpected exception becomes one clear error (PLAN9001); the stack trace goes to the detailed log only.</summary>
internal static class EngineFailureLog
{
    public static void Log(TaskLoggingHelper log, string planningRoot, Exception exception)
    {
        var inner = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        log.LogError(
            subcategory: null,
            errorCode: BuildCodes.EngineFailure,
            helpKeyword: null,
            file: planningRoot,
            lineNumber: 0,
            columnNumber: 0,
            endLineNumber: 0,
            endColumnNumber: 0,
            message: $"PlanState could not check '{planningRoot}': {inner.GetType().Name}: {inner.Message} This is a bug in PlanState.Build, not in your files; set PlanStateEnabled=false to build without it, and please report it with the detailed build log (-v:d).");
        log.LogMessage(MessageImportance.Low, $"PlanState: {exception}");
    }
}
