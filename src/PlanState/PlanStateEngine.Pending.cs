namespace PlanState;

// Temporary: the analysis pipeline lands in the next commits.
public sealed partial class PlanStateEngine
{
    private PlanningAnalysis AnalyzeCore(string planningRoot) => throw new NotImplementedException("Analysis is not wired yet.");

    private UpdateResult UpdateCore(string planningRoot) => throw new NotImplementedException("Update is not wired yet.");
}
