#!/usr/bin/env bash
# Checks the release build without signing or publishing anything (tests skipped: .ci/run has
# already run them):
#  1. `mvn -Prelease -Dgpg.skip=true -DskipTests clean install` into a throwaway local repository
#     (see lib.sh). What it installs is what `-Prelease deploy` would hand to Central;
#  2. that is hvae-parent, hvae-bom and the library jars, each jar (or maven-plugin) with a sources
#     jar (with .java files) and a javadoc jar (with index.html); never hvae-sample-tests,
#     hvae-benchmarks or hvae-adapter-testing (a new module that must not be published belongs in the list below);
#  3. every installed POM, read as a consumer's Maven reads it (effective POM, parent from the
#     repository), has name, description, url, licenses, developers, scm and issueManagement, with
#     url and scm exactly the project's (Maven appends the artifactId to inherited ones unless
#     told not to); hvae-bom has no parent, manages only io.github.hvae artifacts and lists every
#     published library jar;
#  4. a second build of the same sources, in another directory, time zone and locale (C: on Java
#     17 the platform encoding is then US-ASCII, so every encoding must be explicit), gives
#     byte-identical artifacts (sha256 of each jar and of the BOM). Both builds run with umask 022:
#     the archivers store each entry's file mode, so a build under umask 077 or 002 differs in
#     those bits (measured); umask is part of the build environment, as for any Maven build. So is
#     the JDK's major version: on Temurin 25 the class and javadoc jars differ from Java 17's
#     (Build-Jdk-Spec, javac's and javadoc's output; the sources jar is the same). Release on 17.
#
# Usage: .ci/check-release.sh [WORK_DIR]
#   WORK_DIR keeps the throwaway repository, e.g. for .ci/smoke-user-project.sh; without it a
#   temporary directory is used and removed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/.ci/lib.sh"

if (($# > 0)); then
  WORK="$1"
  mkdir -p "$WORK"
  WORK="$(cd "$WORK" && pwd)"
else
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/hvae-release.XXXXXX")"
  trap 'rm -rf "$WORK"' EXIT
fi
VERSION="$(project_version "$ROOT")"
[[ -n "$VERSION" ]] || { echo "[check-release] cannot read the version from pom.xml" >&2; exit 1; }
INSTALLED="$WORK/repo/io/github/hvae"
rm -rf "$INSTALLED"

echo "[check-release] 1. release build of $VERSION into $WORK/repo"
(cd "$ROOT" && umask 0022 && mvn_throwaway "$WORK" -ntp -Prelease -Dgpg.skip=true -DskipTests clean install)

echo
echo "[check-release] 2-3. what would be published, and its metadata as a consumer reads it"
fail=0
for id in hvae-sample-tests hvae-benchmarks hvae-adapter-testing; do
  if [[ -e "$INSTALLED/$id" ]]; then
    echo "[check-release] FAIL: $id was installed; it must be neither installed nor published" >&2
    fail=1
  fi
done
published=()
for dir in "$INSTALLED"/*/; do
  published+=("$(basename "$dir")")
done
echo "[check-release] installed: ${published[*]}"
for id in hvae-parent hvae-bom hvae-junit; do
  [[ -f "$INSTALLED/$id/$VERSION/$id-$VERSION.pom" ]] \
    || { echo "[check-release] FAIL: $id $VERSION was not installed" >&2; fail=1; }
done
for id in "${published[@]}"; do
  pom="$INSTALLED/$id/$VERSION/$id-$VERSION.pom"
  [[ -f "$pom" ]] || continue
  (cd "$WORK" && mvn_throwaway "$WORK" -ntp -N -f "$pom" \
    org.apache.maven.plugins:maven-help-plugin:3.5.1:effective-pom -Doutput="$WORK/$id.effective.xml")
done
echo
python3 - "$INSTALLED" "$VERSION" "$WORK" "${published[@]}" <<'EOF' || fail=1
import sys, zipfile, xml.etree.ElementTree as ET
installed, version, work, ids = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
URL = "https://github.com/hvae/hvae-junit"
problems = []

def text(root, path):
    e = root.find(path, ns)
    return (e.text or "").strip() if e is not None else ""

parent_description = None
jars = []
bom_artifacts = set()
for aid in ids:
    eff = ET.parse(f"{work}/{aid}.effective.xml").getroot()
    raw = ET.parse(f"{installed}/{aid}/{version}/{aid}-{version}.pom").getroot()
    packaging = text(eff, "m:packaging") or "jar"
    if aid == "hvae-parent":
        parent_description = text(eff, "m:description")
    for field in ("m:name", "m:description"):
        if not text(eff, field):
            problems.append(f"{aid}: no <{field[2:]}>")
    if text(eff, "m:url") != URL:
        problems.append(f"{aid}: url is {text(eff, 'm:url')!r}, not {URL!r}")
    if not eff.findall("m:licenses/m:license/m:name", ns) or not text(eff, "m:licenses/m:license/m:url"):
        problems.append(f"{aid}: no license with name and url")
    if not text(eff, "m:developers/m:developer/m:name"):
        problems.append(f"{aid}: no developer with a name")
    for field, want in (("url", URL), ("connection", f"scm:git:{URL}.git"),
                        ("developerConnection", "scm:git:ssh://git@github.com/hvae/hvae-junit.git")):
        got = text(eff, f"m:scm/m:{field}")
        if got != want:
            problems.append(f"{aid}: scm {field} is {got!r}, not {want!r}")
    if text(eff, "m:issueManagement/m:url") != URL + "/issues":
        problems.append(f"{aid}: issueManagement url is {text(eff, 'm:issueManagement/m:url')!r}")
    if packaging != "pom":  # jar, and maven-plugin (hvae-maven-plugin): Central wants both
        if packaging == "jar":
            jars.append(aid)
        for classifier, must_hold in (("sources", ".java"), ("javadoc", "index.html")):
            path = f"{installed}/{aid}/{version}/{aid}-{version}-{classifier}.jar"
            try:
                names = zipfile.ZipFile(path).namelist()
            except (OSError, zipfile.BadZipFile) as e:
                problems.append(f"{aid}: no {classifier} jar ({e})")
                continue
            if not any(n.endswith(must_hold) for n in names):
                problems.append(f"{aid}: {classifier} jar holds no {must_hold}")
            print(f"  {aid}-{version}-{classifier}.jar: {len(names)} entries")
    if aid == "hvae-bom":
        if raw.find("m:parent", ns) is not None:
            problems.append("hvae-bom: the installed POM has a parent (its dependencyManagement would leak)")
        managed = [(text(d, "m:groupId"), text(d, "m:artifactId"))
                   for d in eff.findall("m:dependencyManagement/m:dependencies/m:dependency", ns)]
        foreign = [f"{g}:{a}" for g, a in managed if g != "io.github.hvae"]
        if foreign:
            problems.append(f"hvae-bom: manages more than HVAE's own artifacts: {foreign}")
        bom_artifacts = {a for g, a in managed}

for aid in ids:
    if aid not in ("hvae-parent", "hvae-bom") and parent_description and \
            text(ET.parse(f"{work}/{aid}.effective.xml").getroot(), "m:description") == parent_description:
        problems.append(f"{aid}: inherits the parent's description; give it its own")
for aid in jars:
    if aid not in bom_artifacts:
        problems.append(f"hvae-bom: does not list the published {aid}")

for p in problems:
    print(f"[check-release] FAIL: {p}", file=sys.stderr)
print(f"[check-release] metadata of {len(ids)} POM(s): {'ok' if not problems else f'{len(problems)} problem(s)'}")
sys.exit(1 if problems else 0)
EOF

echo
echo "[check-release] 4. a second build in another directory, time zone and locale"
COPY="$WORK/second-build"
rm -rf "$COPY"
mkdir -p "$COPY"
# The sources as they are now (tracked and untracked, not ignored; no target/).
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard \
  | while IFS= read -r -d '' f; do [[ -e "$f" ]] && printf '%s\0' "$f"; done \
  | xargs -0 cp --parents -t "$COPY")
(cd "$COPY" && umask 0022 && TZ=Pacific/Kiritimati LC_ALL=C LANG=C mvn_throwaway "$WORK" -ntp -o -Prelease -Dgpg.skip=true -Dmaven.test.skip=true package)
echo
# Each installed artifact (= build 1) against the same file of build 2.
differ=0
compared=0
while IFS= read -r -d '' first; do
  name="$(basename "$first")"
  case "$name" in
    hvae-bom-*.pom) second="$COPY/hvae-bom/target/.flattened-pom.xml" ;;  # installed in its place
    *) second="$(find "$COPY" -path '*/target/*' -name "$name" | head -n 1)" ;;
  esac
  [[ -n "$second" && -f "$second" ]] || { echo "[check-release] FAIL: build 2 has no $name" >&2; differ=1; continue; }
  a="$(sha256sum <"$first" | cut -d' ' -f1)"
  b="$(sha256sum <"$second" | cut -d' ' -f1)"
  compared=$((compared + 1))
  if [[ "$a" == "$b" ]]; then
    echo "  same      $a  $name"
  else
    echo "  DIFFERENT $a / $b  $name"
    differ=1
  fi
done < <(find "$INSTALLED" \( -name '*.jar' -o -name 'hvae-bom-*.pom' \) -print0 | sort -z)
((compared > 0)) || { echo "[check-release] FAIL: nothing compared" >&2; differ=1; }
if ((differ)); then
  echo "[check-release] FAIL: the two builds differ (reproducible builds: project.build.outputTimestamp, filtered resources)" >&2
  fail=1
else
  echo "[check-release] $compared artifact(s) byte-identical across the two builds"
fi

if ((fail)); then
  echo "[check-release] FAILED" >&2
  exit 1
fi
echo "[check-release] ok"
