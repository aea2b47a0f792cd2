using PlanState.Testing;

namespace PlanState.Tests.Incremental.Watching;

/// <summary>
/// Changes an agent, a person or a tool makes to a planning folder, each picked from what is on disk now (so they
/// compose in any order): file edits, adds, deletes and renames, folder moves in and out of the archive, whole
/// <c>phases/</c> and <c>milestones/</c> folders coming and going, atomic writes, the lock, and links to outside.
/// </summary>
internal sealed class PlanningMutations
{
    private readonly string root;
    private readonly string outside;
    private readonly Random random;
    private int counter;

    public PlanningMutations(GeneratedTree tree, string outside, int seed)
    {
        root = tree.Root;
        this.outside = outside;
        random = new Random(seed);
        Directory.CreateDirectory(outside);
    }

    /// <summary>Every mutation by name; each returns false when there was nothing to apply it to.</summary>
    public IReadOnlyDictionary<string, Func<bool>> All => new Dictionary<string, Func<bool>>
    {
        ["edit-summary-same-size-same-stamp"] = EditSameSizeSameStamp,
        ["edit-plan"] = EditPlan,
        ["add-summary"] = AddSummary,
        ["delete-file"] = DeleteFile,
        ["rename-file"] = RenameFile,
        ["touch"] = Touch,
        ["new-folder"] = NewFolder,
        ["move-in-folder"] = MoveInFolder,
        ["delete-folder"] = DeleteFolder,
        ["rename-folder"] = RenameFolder,
        ["archive"] = Archive,
        ["unarchive"] = Unarchive,
        ["toggle-phases"] = () => Toggle("phases"),
        ["toggle-milestones"] = () => Toggle("milestones"),
        ["edit-state"] = () => Append("STATE.md", "\nA note from the agent.\n"),
        ["edit-roadmap"] = () => Append("ROADMAP.md", "\nA trailing roadmap note.\n"),
        ["toggle-state"] = () => Toggle("STATE.md"),
        ["atomic-roadmap"] = AtomicRoadmap,
        ["toggle-lock"] = ToggleLock,
        ["replace-folder-same-stamps"] = ReplaceFolderKeepingStamps,
        ["file-to-directory"] = FileToDirectory,
        ["link-folder"] = LinkFolder,
        ["link-file"] = LinkFile,
        ["link-state"] = LinkState,
        ["edit-behind-link"] = EditBehindLink,
    };

    public string Apply(string name)
    {
        All[name]();
        return name;
    }

    public string ApplyRandom()
    {
        var names = All.Keys.ToList();
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var name = names[random.Next(names.Count)];
            if (All[name]())
            {
                return name;
            }
        }

        return "nothing";
    }

    private string Full(string relative) => Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));

    private string Unique(string prefix) => prefix + (++counter).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private T? Pick<T>(IReadOnlyList<T> items)
        where T : class => items.Count == 0 ? null : items[random.Next(items.Count)];

    private List<string> PhaseFolders()
    {
        var folders = new List<string>();
        foreach (var container in Containers())
        {
            folders.AddRange(Directory.GetDirectories(container).Where(d => char.IsDigit(Path.GetFileName(d)[0])));
        }

        folders.Sort(StringComparer.Ordinal);
        return folders;
    }

    private IEnumerable<string> Containers()
    {
        if (Directory.Exists(Full("phases")))
        {
            yield return Full("phases");
        }

        if (Directory.Exists(Full("milestones")))
        {
            foreach (var archive in Directory.GetDirectories(Full("milestones"), "*-phases").OrderBy(d => d, StringComparer.Ordinal))
            {
                yield return archive;
            }
        }
    }

    private List<string> PlanningFiles(string suffix = ".md") =>
        PhaseFolders().SelectMany(f => Directory.Exists(f) ? Directory.GetFiles(f, "*" + suffix) : []).OrderBy(f => f, StringComparer.Ordinal).ToList();

    private static void Write(string path, string text)
    {
        var before = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
        File.WriteAllText(path, text);
        IncrementalTestSupport.Bump(path, before);
    }

    private bool EditSameSizeSameStamp()
    {
        // The racy case: same length, same last write time; only a watcher (or the settle rule) tells it changed.
        var file = Pick(PlanningFiles("-SUMMARY.md"));
        if (file is null)
        {
            return false;
        }

        var text = File.ReadAllText(file);
        var at = text.IndexOf("duration: ", StringComparison.Ordinal);
        if (at < 0 || at + 10 >= text.Length || !char.IsDigit(text[at + 10]))
        {
            return false;
        }

        var stamp = File.GetLastWriteTimeUtc(file);
        var digit = text[at + 10] == '9' ? '1' : (char)(text[at + 10] + 1);
        File.WriteAllText(file, text.Substring(0, at + 10) + digit + text.Substring(at + 11));
        File.SetLastWriteTimeUtc(file, stamp);
        return true;
    }

    private bool EditPlan()
    {
        var file = Pick(PlanningFiles("-PLAN.md"));
        if (file is null)
        {
            return false;
        }

        Write(file, File.ReadAllText(file).Replace("\nphase: ", "\nphase: 9", StringComparison.Ordinal) + "\n");
        return true;
    }

    private bool AddSummary()
    {
        var plan = Pick(PlanningFiles("-PLAN.md").Where(p => !File.Exists(p.Replace("-PLAN.md", "-SUMMARY.md", StringComparison.Ordinal))).ToList());
        if (plan is null)
        {
            return false;
        }

        File.WriteAllText(plan.Replace("-PLAN.md", "-SUMMARY.md", StringComparison.Ordinal), "---\nduration: 4 min\ncompleted: 2026-03-01\n---\n");
        return true;
    }

    private bool DeleteFile()
    {
        var file = Pick(PlanningFiles());
        if (file is null)
        {
            return false;
        }

        File.Delete(file);
        return true;
    }

    private bool RenameFile()
    {
        var file = Pick(PlanningFiles("-SUMMARY.md"));
        if (file is null)
        {
            return false;
        }

        var name = Path.GetFileName(file);
        var target = Path.Combine(Path.GetDirectoryName(file)!, name.Substring(0, name.IndexOf('-', StringComparison.Ordinal)) + "-" + (50 + random.Next(40)) + "-SUMMARY.md");
        if (File.Exists(target) || Directory.Exists(target))
        {
            return false;
        }

        File.Move(file, target);
        return true;
    }

    private bool Touch()
    {
        var file = Pick(PlanningFiles());
        if (file is null)
        {
            return false;
        }

        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddSeconds(5));
        return true;
    }

    private bool NewFolder()
    {
        if (!Directory.Exists(Full("phases")))
        {
            return false;
        }

        // Created and filled at once: the files land before (or while) the watcher adds a watch for the new folder.
        var number = 30 + random.Next(60);
        var folder = Full($"phases/{number}-{Unique("fresh")}");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"{number}-01-PLAN.md"), $"---\nphase: {number}\nplan: 01\n---\n\n<objective>\nNew.\n</objective>\n");
        File.WriteAllText(Path.Combine(folder, $"{number}-01-SUMMARY.md"), $"---\nphase: {number}\nplan: 01\nduration: 6 min\ncompleted: 2026-04-01\n---\n");
        return true;
    }

    private bool MoveInFolder()
    {
        if (!Directory.Exists(Full("phases")))
        {
            return false;
        }

        var number = 30 + random.Next(60);
        var name = $"{number}-{Unique("moved")}";
        var built = Path.Combine(outside, name);
        Directory.CreateDirectory(built);
        File.WriteAllText(Path.Combine(built, $"{number}-01-PLAN.md"), $"---\nphase: {number}\nplan: 01\n---\n");
        Directory.Move(built, Full("phases/" + name));
        return true;
    }

    private bool DeleteFolder()
    {
        var folder = Pick(PhaseFolders());
        if (folder is null)
        {
            return false;
        }

        DeleteDirectory(folder);
        return true;
    }

    private bool RenameFolder()
    {
        var folder = Pick(PhaseFolders());
        if (folder is null)
        {
            return false;
        }

        var name = Path.GetFileName(folder);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        var number = dash < 0 ? name : name.Substring(0, dash);
        Directory.Move(folder, Path.Combine(Path.GetDirectoryName(folder)!, number + "-" + Unique("renamed")));
        return true;
    }

    private bool Archive()
    {
        var folder = Pick(PhaseFolders().Where(f => f.StartsWith(Full("phases") + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList());
        if (folder is null)
        {
            return false;
        }

        var archive = Full("milestones/v9.0-phases");
        Directory.CreateDirectory(archive);
        var target = Path.Combine(archive, Path.GetFileName(folder));
        if (Directory.Exists(target))
        {
            return false;
        }

        Directory.Move(folder, target);
        return true;
    }

    private bool Unarchive()
    {
        var folder = Pick(PhaseFolders().Where(f => !f.StartsWith(Full("phases") + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList());
        if (folder is null || !Directory.Exists(Full("phases")))
        {
            return false;
        }

        var target = Full("phases/" + Path.GetFileName(folder));
        if (Directory.Exists(target))
        {
            return false;
        }

        Directory.Move(folder, target);
        return true;
    }

    /// <summary>Moves a top-level entry away, or back when it is away.</summary>
    /// <remarks>
    /// Away means another name inside the root, not a folder outside it: on .NET 10 (10.0.12) on Linux, moving a
    /// folder that holds three or more watched folders out of a watched tree stalls the runtime's inotify thread,
    /// which is shared by every FileSystemWatcher of the process, so no later test would get an event. (The engine
    /// survives it: its syncs time out and it reads from disk.)
    /// </remarks>
    private bool Toggle(string name)
    {
        var here = Full(name);
        var away = Full(".away-" + name);
        if (File.Exists(here) || Directory.Exists(here))
        {
            if (File.Exists(away) || Directory.Exists(away))
            {
                return false;
            }

            if (File.Exists(here))
            {
                File.Move(here, away);
            }
            else
            {
                Directory.Move(here, away);
            }

            return true;
        }

        if (File.Exists(away))
        {
            File.Move(away, here);
            return true;
        }

        if (Directory.Exists(away))
        {
            Directory.Move(away, here);
            return true;
        }

        return false;
    }

    private bool Append(string relative, string text)
    {
        var path = Full(relative);
        if (!File.Exists(path))
        {
            return false;
        }

        Write(path, File.ReadAllText(path) + text);
        return true;
    }

    private bool AtomicRoadmap()
    {
        // As our own writer does: a temp file next to it, renamed over it.
        var path = Full("ROADMAP.md");
        if (!File.Exists(path))
        {
            return false;
        }

        var temp = path + ".tmp.1." + Unique("t");
        File.WriteAllText(temp, File.ReadAllText(path).Replace("## ", "##  ", StringComparison.Ordinal));
        File.Move(temp, path, overwrite: true);
        return true;
    }

    private bool ToggleLock()
    {
        var path = Full("STATE.md.lock");
        if (File.Exists(path))
        {
            File.Delete(path);
            return true;
        }

        // Stale (over 10 s old); its age is an hour give or take 0.3 s, so both analyses print the same whole seconds.
        File.WriteAllText(path, "{\"pid\":1}");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(-3599.7));
        return true;
    }

    private bool ReplaceFolderKeepingStamps()
    {
        // A folder deleted and put back with every name and stamp as before, one file's bytes changed at the same
        // size: no listing or stamp shows it, only the events on the folder itself.
        var folder = Pick(PhaseFolders().Where(f => (File.GetAttributes(f) & FileAttributes.ReparsePoint) == 0).ToList());
        if (folder is null)
        {
            return false;
        }

        var files = Directory.GetFiles(folder).Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f), Stamp: File.GetLastWriteTimeUtc(f))).ToList();
        var edited = files.FindIndex(f => Array.IndexOf(f.Bytes, (byte)'4') >= 0);
        DeleteDirectory(folder);
        Directory.CreateDirectory(folder);
        for (var i = 0; i < files.Count; i++)
        {
            var bytes = files[i].Bytes;
            if (i == edited)
            {
                bytes = (byte[])bytes.Clone();
                bytes[Array.IndexOf(bytes, (byte)'4')] = (byte)'5';
            }

            var path = Path.Combine(folder, files[i].Name);
            File.WriteAllBytes(path, bytes);
            File.SetLastWriteTimeUtc(path, files[i].Stamp);
        }

        return true;
    }

    private bool FileToDirectory()
    {
        var file = Pick(PlanningFiles("-SUMMARY.md"));
        if (file is null)
        {
            return false;
        }

        File.Delete(file);
        Directory.CreateDirectory(file);
        return true;
    }

    private bool LinkFolder()
    {
        if (!Directory.Exists(Full("phases")))
        {
            return false;
        }

        var number = 30 + random.Next(60);
        var name = $"{number}-{Unique("linked")}";
        var target = Path.Combine(outside, "linked-folders", name);
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, $"{number}-01-PLAN.md"), $"---\nphase: {number}\nplan: 01\n---\n");
        File.WriteAllText(Path.Combine(target, $"{number}-01-SUMMARY.md"), $"---\nphase: {number}\nplan: 01\nduration: 3 min\ncompleted: 2026-02-02\n---\n");
        Directory.CreateSymbolicLink(Full("phases/" + name), target);
        return true;
    }

    private bool LinkFile()
    {
        var plan = Pick(PlanningFiles("-PLAN.md").Where(p => !File.Exists(p.Replace("-PLAN.md", "-SUMMARY.md", StringComparison.Ordinal))).ToList());
        if (plan is null)
        {
            return false;
        }

        var target = Path.Combine(outside, "linked-files", Unique("summary") + ".md");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, "---\nduration: 8 min\ncompleted: 2026-02-03\n---\n");
        File.CreateSymbolicLink(plan.Replace("-PLAN.md", "-SUMMARY.md", StringComparison.Ordinal), target);
        return true;
    }

    private bool LinkState()
    {
        var path = Full("STATE.md");
        if (!File.Exists(path) || (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0)
        {
            return false;
        }

        var target = Path.Combine(outside, Unique("state") + ".md");
        File.Move(path, target);
        File.CreateSymbolicLink(path, target);
        return true;
    }

    /// <summary>Edits a file outside the root that a link inside points to: no watcher reports it.</summary>
    private bool EditBehindLink()
    {
        var targets = Directory.GetFiles(outside, "*.md", SearchOption.AllDirectories)
            .Where(f => !f.Contains("away-", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var file = Pick(targets);
        if (file is null)
        {
            return false;
        }

        var text = File.ReadAllText(file);
        Write(file, text.Contains("duration: ", StringComparison.Ordinal)
            ? text.Replace("duration: ", "duration: 1", StringComparison.Ordinal)
            : text + "\nEdited behind a link.\n");
        return true;
    }

    private static void DeleteDirectory(string path)
    {
        if ((File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0)
        {
            Directory.Delete(path);
        }
        else
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
