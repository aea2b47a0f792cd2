#!/usr/bin/env bash
# No-op build comparison (issue #7): `dotnet build` of a consumer project that references the packed PlanState.Build,
# against the same project without the package, when nothing changed since the last build. Both projects are
# identical apart from the PackageReference and share one copy of the sample's .planning/ folder. The two builds run
# interleaved in one loop (the order alternating each round), so machine noise hits both alike; the medians and
# their ratio are printed and written to a file, with the time MSBuild itself attributes to PlanState's targets.
#
#   tests/PlanState.Benchmarks/compare-noop-build.sh [RUNS=15] [OUTPUT=artifacts/noop-build.md]
#
# The package is packed from this checkout (Release) into a private folder feed and restored into a private
# packages folder, as the end-to-end tests do; nothing reaches the machine's global packages folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

runs=${1:-15}
output=${2:-artifacts/noop-build.md}
work=${PLANSTATE_BENCH_DIR:-${TMPDIR:-/tmp}/planstate-noop-build}
version="0.0.0-noop.$(date +%s)"

rm -rf "$work"
mkdir -p "$work/feed" "$work/packages" "$(dirname "$output")"
echo "Packing PlanState.Build $version ..." >&2
dotnet pack src/PlanState.Build.Tasks -c Release -o "$work/feed" -p:Version="$version" -v:q -nologo >&2

# Stop MSBuild's and NuGet's upward searches at the work folder.
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"
echo '<Project />' > "$work/Directory.Packages.props"
sed "s|<clear />|<clear />\n    <add key=\"planstate-bench\" value=\"$work/feed\" />|" nuget.config > "$work/nuget.config"

cp -r samples/SampleApp/.planning "$work/.planning"
make_project() { # name, package reference (or empty)
  mkdir -p "$work/$1"
  cat > "$work/$1/$1.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    $2
  </ItemGroup>
</Project>
EOF
  echo 'System.Console.WriteLine("hello");' > "$work/$1/Program.cs"
}
make_project with "<PackageReference Include=\"PlanState.Build\" Version=\"$version\" PrivateAssets=\"all\" />"
make_project without ""

export NUGET_PACKAGES="$work/packages"
build() { dotnet build "$work/$1/$1.csproj" -nologo -v:q "${@:2}" >/dev/null; }
now() { date +%s%N; }

# First builds (restore, compile, the check itself), then one more each so both are settled no-ops.
for project in with without; do build $project; build $project; done

with_times=()
without_times=()
for ((i = 0; i < runs; i++)); do
  if ((i % 2 == 0)); then
    t0=$(now); build with; t1=$(now); build without; t2=$(now)
    with_times+=($((t1 - t0))); without_times+=($((t2 - t1)))
  else
    t0=$(now); build without; t1=$(now); build with; t2=$(now)
    without_times+=($((t1 - t0))); with_times+=($((t2 - t1)))
  fi
done

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
range() { printf '%s\n' "$@" | sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.2f-%.2f", lo / 1e9, hi / 1e9 }'; }
with_ns=$(median "${with_times[@]}")
without_ns=$(median "${without_times[@]}")

# What MSBuild attributes to PlanState's targets and tasks in one more no-op build of the project with the package.
summary=$(dotnet build "$work/with/with.csproj" -nologo -v:q -clp:PerformanceSummary 2>&1 | grep -E '(PlanState|ResolvePlanningRoot|RunPlanState)' | sed -E 's/^ +//' || true)

report=$(awk -v w="$with_ns" -v o="$without_ns" -v r="$runs" -v k="$(nproc)" -v l="$(cut -d' ' -f1-3 /proc/loadavg)" \
  -v wr="$(range "${with_times[@]}")" -v orr="$(range "${without_times[@]}")" 'BEGIN {
  printf "| No-op `dotnet build` | Median (s) | Range (s) |\n|---|---:|---:|\n"
  printf "| with PlanState.Build | %.3f | %s |\n| without | %.3f | %s |\n", w / 1e9, wr, o / 1e9, orr
  printf "\nRatio %.3fx. %d interleaved runs each, %d cores, load average %s.\n", w / o, r, k, l
}')
{
  echo "$report"
  echo
  echo "MSBuild's performance summary for PlanState's targets and tasks in one more no-op build:"
  echo
  echo '```'
  echo "$summary"
  echo '```'
} | tee "$output"
