namespace PlanState.Testing;

/// <summary>Words the generator builds names and prose from, so that files read like real plans and summaries.</summary>
internal static class Vocabulary
{
    public static readonly string[] Areas =
    [
        "ledger", "billing", "auth", "search", "catalog", "checkout", "export", "import", "notifications", "reports",
        "sync", "storage", "audit", "scheduler", "webhooks", "onboarding", "settings", "analytics", "inventory", "profiles",
    ];

    public static readonly string[] PhaseWords =
    [
        "Foundation", "Ledger", "Billing", "Identity", "Search", "Catalog", "Checkout", "Export", "Import", "Alerts",
        "Reporting", "Sync", "Storage", "Audit", "Scheduling", "Webhooks", "Onboarding", "Settings", "Analytics", "Inventory",
    ];

    public static readonly string[] PhaseSuffixes =
    [
        "Core", "Infrastructure", "Pipeline", "API", "Hardening", "Polish", "Integration", "Migration", "UI", "Rollout",
    ];

    public static readonly string[] Verbs =
    [
        "Add", "Validate", "Persist", "Expose", "Refactor", "Wire", "Index", "Cache", "Paginate", "Document", "Harden", "Migrate",
    ];

    public static readonly string[] Things =
    [
        "invoice batches", "session tokens", "webhook deliveries", "report snapshots", "the retry queue", "schema migrations",
        "tenant settings", "audit entries", "payment intents", "search documents", "feature flags", "rate limits",
        "export jobs", "user profiles", "notification templates", "inventory counts",
    ];

    public static readonly string[] Reasons =
    [
        "so that a replay after a crash is harmless", "because the old path double-counted on retries",
        "to keep the public contract unchanged", "so support can trace a request end to end",
        "since the upstream API throttles bursts", "to keep p95 latency under 200 ms",
        "because the dashboard reads the same rows", "so that tests can run without the network",
    ];

    public static readonly string[] Checks =
    [
        "npm test", "npx tsc --noEmit", "npx vitest run", "dotnet test", "pytest -q", "go test ./...", "cargo test",
    ];

    public static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
