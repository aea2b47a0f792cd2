// The sample's point is its build: `dotnet build` checks (and locally updates) the .planning/ folder beside this
// file. The program itself prints where that folder's progress line stands.
var state = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", ".planning", "STATE.md");
var progress = File.Exists(state)
    ? File.ReadLines(state).FirstOrDefault(line => line.StartsWith("Progress:", StringComparison.OrdinalIgnoreCase))
    : null;
Console.WriteLine(progress ?? "No .planning/STATE.md progress line found beside the sample.");
