using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PlanState.Cli.Tests.Support;

namespace PlanState.Cli.Tests;

/// <summary>
/// The tool as users get it: <c>dotnet pack</c> of the CLI into a folder feed (the PlanState.Cli package, which only
/// lists the RID-specific ones, and a package per runtime identifier), then <c>dotnet tool install</c> from that feed
/// alone. On top of <see cref="PublishedToolTests"/>, which hold the installed tool to the portable build: the package
/// layout, the platform each package is compiled for (linux-x64 Native AOT against an old glibc when packed on Linux
/// x64, the others ReadyToRun), and the portable fallback.
/// </summary>
public partial class ToolPackageTests : PublishedToolTests
{
    private const string PackageId = "PlanState.Cli";

    // The assemblies a `check` runs, which each RID-specific package must carry precompiled.
    private static readonly string[] Assemblies =
        ["PlanState.Cli.dll", "PlanState.dll", "Markdig.dll", "System.CommandLine.dll", "Spectre.Console.dll", "YamlDotNet.dll"];

    private string feed = string.Empty;

    private string glibcRoot = string.Empty;

    private string installFolder = string.Empty;

    private string version = string.Empty;

    private IReadOnlyList<string> runtimeIdentifiers = [];

    /// <summary>The platform whose package is Native AOT: linux-x64, when packed where AOT can compile for it.</summary>
    private static readonly string? NativeAotRuntimeIdentifier =
        RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && RuntimeInformation.OSArchitecture == Architecture.X64 ? "linux-x64" : null;

    /// <summary>The newest glibc the Native AOT executable may need: the oldest .NET 10 runs on (Ubuntu 18.04's).</summary>
    private static readonly Version OldestGlibc = new(2, 27);

    protected override string MakeTool(TempDirectory work)
    {
        feed = Pack(work, "main");
        glibcRoot = Path.Combine(work.Combine("artifacts-main"), "obj", "PlanState.Cli", "glibc-2.27-x64", "root");
        var pointer = Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).Select(name => PointerPackageName().Match(name!)).Single(match => match.Success);
        version = pointer.Groups["version"].Value;

        var properties = DotnetCli.Run(RepositoryLayout.RepositoryRoot, ["msbuild", RepositoryLayout.CliProject, "-getProperty:ToolPackageRuntimeIdentifiers"]);
        Assert.That(properties.ExitCode, Is.EqualTo(0), properties.ToString());
        runtimeIdentifiers = properties.Output.Trim().Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        installFolder = Install(work, feed, version);
        return Shim(installFolder);
    }

    /// <summary>
    /// A machine whose platform has no package of its own (Windows on Arm, FreeBSD, …) gets the portable one. Here,
    /// where this machine's platform does have one, a pack that lists another platform and <c>any</c> only stands in.
    /// </summary>
    [Test]
    public void A_platform_without_its_own_package_gets_the_portable_one_and_it_works()
    {
        using var work = new TempDirectory();
        var otherPlatform = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "linux-x64" : "win-x64";
        var otherFeed = Pack(work, "fallback", $"-p:ToolPackageRuntimeIdentifiers=\"{otherPlatform};any\"");
        using var temp = new TempDirectory();
        temp.WithSeed("002");

        var folder = Install(work, otherFeed, version);
        var fallback = ToolProcess.Run(Shim(folder), "check", temp.Path, "--format", "json");
        var built = ToolProcess.Run(ToolProcess.BuiltTool, "check", temp.Path, "--format", "json");

        InstalledPackages(folder).Should().Equal($"{PackageId}.any".ToLowerInvariant());
        fallback.Exit.Should().Be(1, "seed 002 has a stale bar");
        fallback.Should().Be(built);
    }

    /// <summary><c>dotnet pack</c> of the CLI, with <paramref name="options"/>, into a feed folder of its own; returns the feed.</summary>
    private static string Pack(TempDirectory work, string name, params string[] options)
    {
        var (pack, folder) = RunPack(work, name, options);
        Assert.That(pack.ExitCode, Is.EqualTo(0), pack.ToString());
        return folder;
    }

    /// <summary><c>dotnet pack</c> of the CLI as <see cref="Pack"/> runs it, whatever its outcome; returns it and the feed folder it was given.</summary>
    private static (CommandResult Pack, string Feed) RunPack(TempDirectory work, string name, params string[] options)
    {
        var folder = work.Combine("feed-" + name);
        var pack = DotnetCli.Run(
            RepositoryLayout.RepositoryRoot,
            [
                "pack", RepositoryLayout.CliProject, "-c", "Release", "-o", folder, "--artifacts-path", work.Combine("artifacts-" + name),
                "-v:m", .. options,
            ],
            timeout: TimeSpan.FromMinutes(20));
        return (pack, folder);
    }

    /// <summary><c>dotnet tool install --tool-path</c> from <paramref name="source"/> alone; returns the tool folder.</summary>
    private static string Install(TempDirectory work, string source, string version)
    {
        var name = Path.GetFileName(source);
        var config = work.Combine(name + ".nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="{name}" value="{source}" />
              </packageSources>
            </configuration>
            """);
        var folder = work.Combine("tool-" + name);
        var install = DotnetCli.Run(
            work.Path,
            ["tool", "install", PackageId, "--version", version, "--tool-path", folder, "--configfile", config],
            timeout: TimeSpan.FromMinutes(5));
        Assert.That(install.ExitCode, Is.EqualTo(0), install.ToString());
        return folder;
    }

    private static string Shim(string toolFolder) => Path.Combine(toolFolder, RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "planstate.exe" : "planstate");

    /// <summary>The RID-specific packages an install put in its store, lower-case as the store names them.</summary>
    private List<string> InstalledPackages(string toolFolder) =>
        Directory.GetDirectories(Path.Combine(toolFolder, ".store", PackageId.ToLowerInvariant(), version))
            .Select(Path.GetFileName)
            .Where(name => name!.StartsWith(PackageId.ToLowerInvariant() + ".", StringComparison.Ordinal))
            .Select(name => name!)
            .ToList();

    [Test]
    public void The_tool_package_lists_a_package_per_runtime_identifier_and_carries_no_code()
    {
        runtimeIdentifiers.Should().Contain("any", "the portable build is the fallback for every other platform")
            .And.Contain(RuntimeInformation.RuntimeIdentifier, "this machine's platform gets its own package");
        using var package = OpenPackage(PackageId);

        var settings = ReadSettings(package, "tools/any/any/DotnetToolSettings.xml");

        settings.Attribute("Version")!.Value.Should().Be("2", "a manifest that lists RID-specific packages is version 2, which SDKs before .NET 10 do not accept");
        settings.Element("Commands")!.Element("Command")!.Attribute("Name")!.Value.Should().Be("planstate");
        settings.Element("RuntimeIdentifierPackages")!.Elements("RuntimeIdentifierPackage")
            .Select(entry => (entry.Attribute("RuntimeIdentifier")!.Value, entry.Attribute("Id")!.Value))
            .Should().Equal(runtimeIdentifiers.Select(rid => (rid, $"{PackageId}.{rid}")));
        package.Entries.Should().NotContain(entry => entry.FullName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));
        foreach (var rid in runtimeIdentifiers)
        {
            File.Exists(PackagePath($"{PackageId}.{rid}")).Should().BeTrue($"the package for {rid} should be packed beside the tool package");
        }
    }

    [Test]
    public void Each_platform_package_runs_through_the_dotnet_host_with_code_precompiled_for_its_platform()
    {
        runtimeIdentifiers.Should().Contain("linux-musl-x64", "else Alpine would get linux-x64, whose Native AOT executable needs glibc");
        foreach (var rid in runtimeIdentifiers.Where(rid => rid != "any" && rid != NativeAotRuntimeIdentifier))
        {
            using var package = OpenPackage($"{PackageId}.{rid}");
            var folder = $"tools/net10.0/{rid}/";

            var command = ReadSettings(package, folder + "DotnetToolSettings.xml").Element("Commands")!.Element("Command")!;
            command.Attribute("Runner")!.Value.Should().Be("dotnet", $"{rid}: no apphost, which would have to find the runtime itself");
            command.Attribute("EntryPoint")!.Value.Should().Be("PlanState.Cli.dll");
            foreach (var assembly in Assemblies)
            {
                using var image = new PEReader(new MemoryStream(ReadEntry(package, folder + assembly)));
                image.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size.Should().BePositive($"{rid}: {assembly} should carry ReadyToRun code");
                ((int)image.PEHeaders.CoffHeader.Machine).Should().Be(ReadyToRunMachine(rid), $"{rid}: {assembly} should be compiled for {rid}");
            }

            var tiering = ConfigProperties(package, folder).TryGetProperty("System.Runtime.TieredCompilation", out var setting) ? setting.GetBoolean() : true;
            tiering.Should().BeTrue($"{rid}: tiering stays on, for a newer runtime, which does not use the precompiled code");
        }
    }

    [Test]
    public void The_linux_x64_package_is_one_native_executable_that_needs_no_glibc_newer_than_2_27()
    {
        IgnoreUnlessLinuxX64IsNativeAot();

        using var package = OpenPackage($"{PackageId}.linux-x64");
        const string folder = "tools/any/linux-x64/";

        var command = ReadSettings(package, folder + "DotnetToolSettings.xml").Element("Commands")!.Element("Command")!;
        command.Attribute("Runner")!.Value.Should().Be("executable", "a Native AOT executable starts without the dotnet host");
        command.Attribute("EntryPoint")!.Value.Should().Be("PlanState.Cli");
        package.Entries.Where(entry => entry.FullName.StartsWith("tools/", StringComparison.Ordinal)).Select(entry => entry.FullName)
            .Should().BeEquivalentTo([folder + "DotnetToolSettings.xml", folder + "PlanState.Cli"], "no assemblies, pdbs or native debug symbols");

        using var work = new TempDirectory();
        var executable = work.Combine("PlanState.Cli");
        File.WriteAllBytes(executable, ReadEntry(package, folder + "PlanState.Cli"));
        var elf = ReadElf(executable);

        elf.Libraries.Should().BeSubsetOf(
            ["libc.so.6", "libm.so.6", "libdl.so.2", "librt.so.1", "libpthread.so.0", "ld-linux-x86-64.so.2"],
            "the executable carries its runtime and needs nothing beyond glibc");
        elf.GlibcVersions.Should().NotBeEmpty("(else this test proves nothing)")
            .And.OnlyContain(needed => needed <= OldestGlibc, $"it must start wherever .NET 10 runs, glibc {OldestGlibc} and later");
    }

    /// <summary>
    /// glibc's loader runs a program against the libraries of a folder given to it, so the executable can run on the
    /// glibc 2.27 the pack linked it against, as on Ubuntu 18.04 (a program linked against a newer glibc fails to load).
    /// </summary>
    [Test]
    public void The_linux_x64_executable_runs_on_glibc_2_27_and_says_what_the_portable_build_says()
    {
        IgnoreUnlessLinuxX64IsNativeAot();

        var libraries = Path.Combine(glibcRoot, "lib", "x86_64-linux-gnu");
        var loader = Path.Combine(libraries, "ld-2.27.so");
        File.Exists(loader).Should().BeTrue("the pack unpacks glibc 2.27 below its obj/ folder");
        using var temp = new TempDirectory();
        temp.WithSeed("002");

        var onOldGlibc = ToolProcess.Run(loader, ["--library-path", libraries, Tool, "check", temp.Path, "--format", "json"], environment: null);
        var built = ToolProcess.Run(ToolProcess.BuiltTool, "check", temp.Path, "--format", "json");

        onOldGlibc.Exit.Should().Be(1, "seed 002 has a stale bar: " + onOldGlibc.Stderr);
        onOldGlibc.Should().Be(built);
    }

    [Test]
    public void A_glibc_root_without_glibc_stops_the_pack_before_anything_is_packed()
    {
        IgnoreUnlessLinuxX64IsNativeAot();

        using var work = new TempDirectory();
        var emptyRoot = Directory.CreateDirectory(work.Combine("empty-root")).FullName;

        var (pack, feedFolder) = RunPack(work, "empty-root", $"-p:PlanStateGlibcSysRoot={emptyRoot}");

        pack.ExitCode.Should().NotBe(0);
        pack.Output.Should().Contain($"'{emptyRoot}' holds no glibc for x86_64");
        Directory.Exists(feedFolder).Should().BeFalse("the check comes before the platform packages are compiled");
    }

    private static void IgnoreUnlessLinuxX64IsNativeAot()
    {
        if (NativeAotRuntimeIdentifier is null)
        {
            Assert.Ignore("Native AOT compiles only for the platform it runs on: packed here, linux-x64 is ReadyToRun like the others, and no glibc root is used");
        }
    }

    /// <summary>The shared libraries an ELF executable names and the glibc symbol versions it needs, as binutils' <c>readelf</c> lists them.</summary>
    private static (List<string> Libraries, List<Version> GlibcVersions) ReadElf(string path)
    {
        // binutils is there wherever the package was packed: Native AOT strips its symbols with objcopy.
        var start = new ProcessStartInfo("readelf") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--dynamic", "--version-info", "--wide", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var readelf = Process.Start(start)!;
        var errors = readelf.StandardError.ReadToEndAsync();
        var output = readelf.StandardOutput.ReadToEnd();
        readelf.WaitForExit();
        Assert.That(readelf.ExitCode, Is.EqualTo(0), errors.Result);
        var libraries = NeededLibrary().Matches(output).Select(match => match.Groups["name"].Value).ToList();
        var versions = GlibcVersion().Matches(output).Select(match => Version.Parse(match.Groups["version"].Value)).Distinct().ToList();
        return (libraries, versions);
    }

    [GeneratedRegex(@"\(NEEDED\)\s+Shared library: \[(?<name>[^\]]+)\]")]
    private static partial Regex NeededLibrary();

    [GeneratedRegex(@"Name: GLIBC_(?<version>\d+\.\d+(\.\d+)?)")]
    private static partial Regex GlibcVersion();

    [Test]
    public void The_portable_package_is_il_only_and_runs_through_the_dotnet_host()
    {
        using var package = OpenPackage($"{PackageId}.any");
        const string folder = "tools/net10.0/any/";

        ReadSettings(package, folder + "DotnetToolSettings.xml").Element("Commands")!.Element("Command")!.Attribute("Runner")!.Value.Should().Be("dotnet");
        foreach (var assembly in Assemblies)
        {
            using var image = new PEReader(new MemoryStream(ReadEntry(package, folder + assembly)));
            image.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size.Should().Be(0, $"{assembly} should be IL only, for any platform");
        }
    }

    [Test]
    public void The_install_takes_the_package_for_this_machine()
    {
        InstalledPackages(installFolder).Should().Equal($"{PackageId}.{RuntimeInformation.RuntimeIdentifier}".ToLowerInvariant());
    }

    [Test]
    public void The_installed_tool_reports_the_package_version()
    {
        var run = ToolProcess.Run(Tool, "--version");

        run.Exit.Should().Be(0, run.Stderr);
        run.Stdout.Trim().Should().StartWith(version);
    }

    // The machine type a ReadyToRun image carries: the architecture's, XOR a constant for the operating system
    // (none for Windows), so that an image compiled for another OS is not mistaken for this one's.
    private static int ReadyToRunMachine(string rid)
    {
        var (os, architecture) = (rid[..rid.LastIndexOf('-')], rid[(rid.LastIndexOf('-') + 1)..]);
        var machine = architecture switch { "x64" => (int)Machine.Amd64, "arm64" => (int)Machine.Arm64, _ => throw new ArgumentException($"no machine type for {rid}") };
        return machine ^ os switch { "win" => 0, "linux" or "linux-musl" => 0x7B79, "osx" => 0x4644, _ => throw new ArgumentException($"no OS constant for {rid}") };
    }

    private string PackagePath(string id) => Path.Combine(feed, $"{id}.{version}.nupkg");

    private ZipArchive OpenPackage(string id) => ZipFile.OpenRead(PackagePath(id));

    private static byte[] ReadEntry(ZipArchive package, string path)
    {
        var entry = package.GetEntry(path);
        entry.Should().NotBeNull($"the package should contain {path}");
        using var stream = entry!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static XElement ReadSettings(ZipArchive package, string path) => XDocument.Load(new MemoryStream(ReadEntry(package, path))).Root!;

    private static JsonElement ConfigProperties(ZipArchive package, string folder) =>
        JsonDocument.Parse(ReadEntry(package, folder + "PlanState.Cli.runtimeconfig.json")).RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

    [GeneratedRegex(@"^PlanState\.Cli\.(?<version>\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?)\.nupkg$")]
    private static partial Regex PointerPackageName();
}
