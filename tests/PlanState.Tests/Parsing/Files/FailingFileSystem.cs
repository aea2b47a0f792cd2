using PlanState.Parsing.Files;

namespace PlanState.Tests.Parsing.Files;

/// <summary>The real file system, except that chosen paths fail as the OS would fail them (permission denied, I/O error).</summary>
internal sealed class FailingFileSystem : FileSystemAccess
{
    private readonly Func<string, Exception?> failureFor;

    /// <param name="failureFor">For a full path, the exception to throw, or null to use the real file system.</param>
    public FailingFileSystem(Func<string, Exception?> failureFor)
    {
        this.failureFor = failureFor;
    }

    public static FailingFileSystem Denying(string fullPathSuffix) =>
        new(path => path.Replace('\\', '/').EndsWith(fullPathSuffix, StringComparison.Ordinal)
            ? new UnauthorizedAccessException($"Access to the path '{path}' is denied.")
            : null);

    public override Stream OpenRead(string fullPath) => failureFor(fullPath) is { } failure ? throw failure : base.OpenRead(fullPath);

    public override IReadOnlyList<FileSystemInfo> ListEntries(string fullPath) =>
        failureFor(fullPath) is { } failure ? throw failure : base.ListEntries(fullPath);
}
