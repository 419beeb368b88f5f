#!/usr/bin/env bash
# A new user's project, made from the README's Install snippet, on a given JUnit version:
# the snippet's dependencyManagement, dependencies and Surefire, with its junit-bom version set
# to JUNIT_VERSION, around one alignment test (sample-tests' InducedValuesTest). hvae-junit comes
# from the throwaway repository that .ci/check-release.sh installed into (built against the JUnit
# of the build, 5.14.x), as it would come from ~/.m2 after the README's `mvn install`.
#
# Passes when the four evaluations run and pass, the HVAE report lists them, and every JUnit
# artifact on the test classpath has the requested version (the project's JUnit wins over the
# one hvae-junit was built with).
#
# Usage: .ci/smoke-user-project.sh WORK_DIR JUNIT_VERSION   (WORK_DIR as given to check-release.sh)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/.ci/lib.sh"
(($# == 2)) || { echo "usage: $0 WORK_DIR JUNIT_VERSION" >&2; exit 2; }
WORK="$(cd "$1" && pwd)"
JUNIT="$2"
VERSION="$(project_version "$ROOT")"
[[ -f "$WORK/repo/io/github/hvae/hvae-junit/$VERSION/hvae-junit-$VERSION.jar" ]] \
  || { echo "[smoke] hvae-junit $VERSION is not installed in $WORK/repo: run .ci/check-release.sh $WORK first" >&2; exit 1; }

PROJECT="$WORK/user-project-junit-$JUNIT"
rm -rf "$PROJECT"
mkdir -p "$PROJECT/src/test/java/com/example/alignment"
cp "$ROOT/sample-tests/src/test/java/com/example/alignment/InducedValuesTest.java" \
  "$PROJECT/src/test/java/com/example/alignment/"

# The project: what any Java 17 Maven project has, plus the README's snippet.
python3 - "$ROOT/README.md" "$JUNIT" "$PROJECT/pom.xml" <<'EOF'
import re, sys
readme, junit, out = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(readme, encoding="utf-8").read()
marker = "<!-- .ci/smoke-user-project.sh builds a project from the next snippet"
at = text.find(marker)
if at < 0:
    sys.exit(f"[smoke] README.md has no line starting {marker!r}")
m = re.compile(r"```xml\n(.*?)```", re.S).search(text, at)
if not m:
    sys.exit("[smoke] no ```xml block after the marker in README.md")
snippet = m.group(1)
snippet, n = re.subn(r"(<artifactId>junit-bom</artifactId>\s*<version>)[^<]*(</version>)",
                     lambda g: g.group(1) + junit + g.group(2), snippet)
if n != 1:
    sys.exit(f"[smoke] expected one junit-bom version in the README snippet, found {n}")
open(out, "w", encoding="utf-8").write(f"""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>alignment-smoke</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <!-- the README's snippet, junit-bom {junit} -->
{snippet}
  <build>
    <pluginManagement>
      <plugins>
        <plugin>
          <groupId>org.apache.maven.plugins</groupId>
          <artifactId>maven-compiler-plugin</artifactId>
          <version>3.14.0</version>
        </plugin>
      </plugins>
    </pluginManagement>
  </build>
</project>
""")
EOF
# The snippet's <build> and this file's would be two <build> elements: merge them.
python3 - "$PROJECT/pom.xml" <<'EOF'
import sys, re
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
builds = re.findall(r"\n\s*<build>(.*?)</build>", s, re.S)
if len(builds) == 2:
    s = re.sub(r"\n\s*<build>.*?</build>", "", s, count=2, flags=re.S)
    s = s.replace("</project>", "  <build>" + builds[0] + builds[1] + "</build>\n</project>")
open(p, "w", encoding="utf-8").write(s)
EOF

echo "[smoke] user project on JUnit $JUNIT: $PROJECT"
(cd "$PROJECT" && mvn_throwaway "$WORK" -ntp test \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:list \
  -DincludeGroupIds=org.junit.jupiter,org.junit.platform -DoutputFile="$PROJECT/junit-jars.txt")
echo

python3 - "$PROJECT" "$JUNIT" <<'EOF'
import glob, json, re, sys, xml.etree.ElementTree as ET
project, junit = sys.argv[1], sys.argv[2]
problems = []
tests = failures = 0
for f in glob.glob(f"{project}/target/surefire-reports/TEST-*.xml"):
    r = ET.parse(f).getroot()
    tests += int(r.get("tests")); failures += int(r.get("failures")) + int(r.get("errors"))
if tests != 4 or failures:
    problems.append(f"expected 4 passing invocations, Surefire ran {tests} with {failures} failing")
try:
    report = json.load(open(f"{project}/target/hvae/hvae-report.json", encoding="utf-8"))
    verdicts = [e.get("verdict") for e in report.get("evaluations", [])]
    if verdicts != ["PASSED"] * 4:
        problems.append(f"the HVAE report's verdicts are {verdicts}, expected 4 PASSED")
except OSError as e:
    problems.append(f"no HVAE report: {e}")
# JUnit 5.x versions platform artifacts 1.x (5.10.5 -> 1.10.5); JUnit 6 versions all alike.
major, rest = junit.split(".", 1)
platform = junit if int(major) >= 6 else f"1.{rest}"
jars = re.findall(r"(org\.junit\.(?:jupiter|platform)):([\w.-]+):jar:([^:\s]+)",
                  open(f"{project}/junit-jars.txt", encoding="utf-8").read())
wrong = [f"{g}:{a}:{v}" for g, a, v in jars
         if v != (junit if g == "org.junit.jupiter" else platform)]
if not jars:
    problems.append("no JUnit jar listed on the test classpath")
if wrong:
    problems.append(f"JUnit jars not at {junit}: {wrong}")
for p in problems:
    print(f"[smoke] FAIL: {p}", file=sys.stderr)
if problems:
    sys.exit(1)
print(f"[smoke] JUnit {junit}: {tests} invocations passed, report has 4 PASSED, "
      f"{len(jars)} JUnit jars all at {junit}/{platform}")
EOF
