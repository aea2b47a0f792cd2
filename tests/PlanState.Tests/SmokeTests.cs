namespace PlanState.Tests;
public class SmokeTests { [Test] public void Runs() => (1 + 1).Should().Be(2); }
