using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace PlanState.Build.Tasks;

/// <summary>An unexpected exception becomes one clear error (PLAN9001); the stack trace goes to the detailed log only.</summary>
internal static class EngineFailureLog
{
    public static void Log(TaskLoggingHelper log, string planningRoot, Exception exception)
    {
        var inner = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        log.LogCodedError(BuildCodes.EngineFailure, $"PlanState could not check '{planningRoot}': {inner.GetType().Name}: {inner.Message.TrimEnd('.')}. This is a bug in PlanState.Build, not in your files; set PlanStateEnabled=false to build without it, and please report it with the detailed build log (-v:d).", planningRoot);
        log.LogMessage(MessageImportance.Low, $"PlanState: {exception}");
    }
}
