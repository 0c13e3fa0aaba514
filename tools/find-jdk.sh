#!/usr/bin/env bash
# Sourced by .ci/run and ./chargeplane: makes JAVA_HOME point at a JDK 21 or newer.
# Order: an already suitable JAVA_HOME, the java on PATH, then the usual install folders.

chargeplane_java_major() {
    # Prints the feature version of the given java binary (17, 21, 25, ...), or nothing.
    "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version =/ {print $2; exit}' | cut -d. -f1
}

chargeplane_find_jdk() {
    local minimum=21 candidate major
    local candidates=()
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    if command -v java >/dev/null 2>&1; then
        candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
    fi
    for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
        [ -d "$candidate" ] && candidates+=("$candidate")
    done
    local best="" best_major=0
    for candidate in "${candidates[@]}"; do
        [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
        major=$(chargeplane_java_major "$candidate/bin/java")
        [ -n "$major" ] || continue
        if [ "$major" -ge "$minimum" ] && [ "$major" -gt "$best_major" ]; then
            best="$candidate"; best_major="$major"
        fi
    done
    if [ -z "$best" ]; then
        echo "Chargeplane needs a JDK $minimum or newer (with javac); none was found." >&2
        echo "Install one and set JAVA_HOME to it, then run again." >&2
        return 1
    fi
    export JAVA_HOME="$best"
    export PATH="$JAVA_HOME/bin:$PATH"
}
