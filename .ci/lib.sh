# Sourced by the .ci scripts.

# mvn_throwaway DIR ARGS...: Maven with a throwaway local repository, DIR/repo, so that what a
# check installs (hvae-junit 0.1.0-SNAPSHOT, ...) never lands in the machine's ~/.m2, where a
# later build could pick up a stale copy. The machine's own local repository is read as a file://
# remote, tried before Maven Central: filling DIR/repo is a copy, not a download. Artifacts it
# lacks come from Central as usual.
mvn_throwaway() {
  local dir="$1"
  shift
  mkdir -p "$dir/repo"
  local warm="${HVAE_WARM_REPO:-$HOME/.m2/repository}"
  if [[ ! -f "$dir/settings.xml" ]]; then
    # checksumPolicy ignore: a local repository keeps no checksum beside every file.
    cat >"$dir/settings.xml" <<EOF
<settings>
  <profiles>
    <profile>
      <id>warm</id>
      <repositories>
        <repository>
          <id>warm</id>
          <url>file://$warm</url>
          <releases><checksumPolicy>ignore</checksumPolicy></releases>
          <snapshots><enabled>false</enabled></snapshots>
        </repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository>
          <id>warm</id>
          <url>file://$warm</url>
          <releases><checksumPolicy>ignore</checksumPolicy></releases>
          <snapshots><enabled>false</enabled></snapshots>
        </pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
  <activeProfiles>
    <activeProfile>warm</activeProfile>
  </activeProfiles>
</settings>
EOF
  fi
  mvn -B -Dstyle.color=never -s "$dir/settings.xml" -Dmaven.repo.local="$dir/repo" "$@"
}

# The version every module has (the parent's), read from pom.xml without starting Maven.
project_version() {
  sed -n '/<artifactId>hvae-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' "$1/pom.xml"
}
