using PlanState.Model;
using PlanState.Text;

namespace PlanState.Rewriting.FileSafety;

/// <summary>The edits to write into one planning file, with the text they were computed from.</summary>
/// <param name="Original">The file as analysed; its <see cref="SourceText.File"/> is relative to the planning root.</param>
/// <param name="Edits">The edits for this file, all with spans in <paramref name="Original"/>.</param>
public sealed record FileRewrite(SourceText Original, EquatableArray<TextEdit> Edits);

/// <summary>A file that could not be written; nothing was written to it.</summary>
/// <param name="File">Path relative to the planning root, with forward slashes.</param>
public sealed record WriteFailure(string File, string Message);

/// <summary>What <see cref="PlanningFileWriter.WriteAll"/> did.</summary>
/// <param name="WrittenFiles">Files written, relative to the planning root, in the order given.</param>
/// <param name="Changes">Each value changed in the written files (edits that changed nothing are left out).</param>
/// <param name="Failures">Files that were not written, and why.</param>
/// <param name="TakenOverStaleLock">A stale <c>STATE.md.lock</c> that was taken over on the way (PLAN1007), if any.</param>
public sealed record WriteOutcome(
    EquatableArray<string> WrittenFiles,
    EquatableArray<AppliedChange> Changes,
    EquatableArray<WriteFailure> Failures,
    StaleLockTakeover? TakenOverStaleLock)
{
    public static WriteOutcome Nothing { get; } = new(EquatableArray<string>.Empty, EquatableArray<AppliedChange>.Empty, EquatableArray<WriteFailure>.Empty, null);

    public bool Succeeded => Failures.IsEmpty;
}

/// <summary>
/// Writes edits into planning files (§7 of the format reference): only the edited chars change, each file is
/// written atomically, all under one <c>STATE.md.lock</c>, and a file that changed since it was analysed is left alone.
/// </summary>
public static class PlanningFileWriter
{
    /// <summary>
    /// Applies each rewrite's edits and writes the files that change. A rewrite with no edits, or whose edits change
    /// nothing, is never opened for writing, so its timestamp stays. Never throws for I/O or lock problems: they
    /// become <see cref="WriteOutcome.Failures"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An edit does not fit its file, or a file appears twice (programming errors).</exception>
    public static WriteOutcome WriteAll(string planningRoot, IReadOnlyList<FileRewrite> rewrites, LockOptions options)
    {
        if (planningRoot is null)
        {
            throw new ArgumentNullException(nameof(planningRoot));
        }

        if (rewrites is null)
        {
            throw new ArgumentNullException(nameof(rewrites));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var failures = new List<WriteFailure>();

        // Compute every new text before taking the lock or touching a file, so that an invalid edit (a bug) throws
        // before anything is written, and the lock is held only for the short read-compare-write part.
        var pending = new List<PendingWrite>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rewrite in rewrites)
        {
            var original = rewrite?.Original ?? throw new ArgumentException("A rewrite or its original text is null.", nameof(rewrites));
            if (!seen.Add(original.File))
            {
                throw new ArgumentException($"'{original.File}' appears in more than one rewrite.", nameof(rewrites));
            }

            if (rewrite.Edits.IsEmpty)
            {
                continue;
            }

            var newText = TextEditApplier.Apply(original, rewrite.Edits);
            if (!original.IsValidUtf8)
            {
                failures.Add(new WriteFailure(original.File, $"{original.File} is not valid UTF-8, so it is never rewritten; nothing was written."));
                continue;
            }

            if (string.Equals(newText, original.Text, StringComparison.Ordinal))
            {
                continue;
            }

            var changes = TextEditApplier.ToAppliedChanges(original, rewrite.Edits)
                .Where(change => !string.Equals(change.OldText, change.NewText, StringComparison.Ordinal));
            pending.Add(new PendingWrite(original, original.Encode(newText), changes.ToArray()));
        }

        if (pending.Count == 0)
        {
            return new WriteOutcome(EquatableArray<string>.Empty, EquatableArray<AppliedChange>.Empty, failures.ToEquatableArray(), null);
        }

        using var acquisition = StateFileLock.TryAcquire(planningRoot, options);
        if (!acquisition.Acquired)
        {
            failures.AddRange(pending.Select(write => new WriteFailure(write.Original.File, acquisition.FailureMessage!)));
            return new WriteOutcome(EquatableArray<string>.Empty, EquatableArray<AppliedChange>.Empty, failures.ToEquatableArray(), acquisition.TakenOverStaleLock);
        }

        var written = new List<string>();
        var applied = new List<AppliedChange>();
        foreach (var write in pending)
        {
            var failure = WriteOne(planningRoot, write, out var wrote);
            if (failure is not null)
            {
                failures.Add(new WriteFailure(write.Original.File, failure));
            }
            else if (wrote)
            {
                written.Add(write.Original.File);
                applied.AddRange(write.Changes);
            }
        }

        return new WriteOutcome(written.ToEquatableArray(), applied.ToEquatableArray(), failures.ToEquatableArray(), acquisition.TakenOverStaleLock);
    }

    /// <summary>The full path of a file named relative to the planning root with forward slashes.</summary>
    internal static string FullPath(string planningRoot, string relativeFile) =>
        Path.Combine(planningRoot, relativeFile.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Re-reads the file and writes it if it is unchanged since analysis. Returns a failure message, or null.</summary>
    private static string? WriteOne(string planningRoot, PendingWrite write, out bool wrote)
    {
        wrote = false;
        var file = write.Original.File;
        var path = FullPath(planningRoot, file);
        byte[] current;
        try
        {
            current = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return $"{file} was deleted since it was read; nothing was written.";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"{file} could not be read again before writing ({ex.Message}); nothing was written.";
        }

        if (SourceText.Fnv1a(current) != write.Original.ContentHash)
        {
            // Another writer (an agent, or a parallel build making the same fix) got there first. When the file
            // already holds exactly what we would write, there is nothing left to do.
            return BytesEqual(current, write.NewBytes)
                ? null
                : $"{file} changed on disk since it was read, so it was not written; run the update again.";
        }

        try
        {
            AtomicFileWriter.Write(path, write.NewBytes);
            wrote = true;
            return null;
        }
        catch (IOException ex)
        {
            return ex.Message;
        }
    }

    private static bool BytesEqual(byte[] left, byte[] right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (left[i] != right[i])
            {
                return false;
            }
        }

        return true;
    }

    private sealed record PendingWrite(SourceText Original, byte[] NewBytes, AppliedChange[] Changes);
}
