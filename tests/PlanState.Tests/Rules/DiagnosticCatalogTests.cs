using System.Reflection;
using System.Text.RegularExpressions;
using PlanState.Diagnostics;
using PlanState.Rules;
using PlanState.Tests.Support;

namespace PlanState.Tests.Rules;

/// <summary>Codes are stable, grouped by kind, and the README documents exactly the codes the engine has.</summary>
public class DiagnosticCatalogTests
{
    private static IReadOnlyList<DiagnosticDescriptor> AllDescriptors() =>
        new[] { typeof(InputProblems), typeof(Contradictions), typeof(StaleValues), typeof(WriteProblems) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

    [Test]
    public void Codes_are_unique_and_their_first_digit_tells_the_kind()
    {
        var descriptors = AllDescriptors();

        descriptors.Should().HaveCountGreaterThanOrEqualTo(30);
        descriptors.Select(d => d.Code).Should().OnlyHaveUniqueItems();
        foreach (var d in descriptors)
        {
            d.Code.Should().MatchRegex(@"^PLAN\d{4}$");
            var expected = d.Code[4] switch { '1' => FindingKind.InputProblem, '2' => FindingKind.Contradiction, '3' => FindingKind.Stale, _ => FindingKind.WriteFailure };
            d.Kind.Should().Be(expected, d.Code);
            if (d.Kind is FindingKind.Contradiction or FindingKind.Stale or FindingKind.WriteFailure)
            {
                d.DefaultSeverity.Should().Be(Severity.Error, d.Code);
            }
            else
            {
                d.DefaultSeverity.Should().NotBe(Severity.Error, d.Code);
            }
        }
    }

    [Test]
    public void The_readme_table_lists_every_code_the_engine_has_and_no_other()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryLayout.RepositoryRoot, "README.md"));
        var documented = Regex.Matches(readme, @"^\| `(PLAN[1-4]\d{3})` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        documented.Should().OnlyHaveUniqueItems();
        documented.Should().BeEquivalentTo(AllDescriptors().Select(d => d.Code));
    }
}
