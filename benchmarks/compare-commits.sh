#!/usr/bin/env bash
# Runs benchmark 1 (OverheadBenchmark: hand-written langchain4j call vs the generated call, same in-process model)
# on two commits, alternating them round by round, and sets each commit's generated / hand-written ratio against
# the other's. Each ratio is taken inside one JVM, so machine drift between rounds cancels; alternating the commits
# spreads what is left over both.
#
#   benchmarks/compare-commits.sh BASE [HEAD]        # HEAD defaults to the checked-out commit
#
# Used for issue #14's goal "no listener <= 1.05x the runtime without the listener SPI":
#   benchmarks/compare-commits.sh a33489a^ a33489a   # the commit that added the SPI, against its parent
#
# Environment: ROUNDS (default 3), JMH_ARGS (default one fork, 5 x 1 s warm-up, 5 x 1 s measurement),
# MAVEN_ARGS (extra Maven flags, e.g. -o). Writes benchmarks/<target>/compare-<base>-<head>.md and prints it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
base="${1:?usage: compare-commits.sh BASE [HEAD]}"
head="${2:-HEAD}"
rounds="${ROUNDS:-3}"
jmh_args="${JMH_ARGS:--f 1 -wi 5 -w 1 -i 5 -r 1}"
base_id="$(git -C "$root" rev-parse --short "$base")"
head_id="$(git -C "$root" rev-parse --short "$head")"
work="$(mktemp -d /tmp/p4j-compare.XXXXXX)"
trap 'git -C "$root" worktree remove --force "$work/base" 2>/dev/null || true;
      git -C "$root" worktree remove --force "$work/head" 2>/dev/null || true' EXIT

for side in base head; do
  commit="$base_id"; [ "$side" = head ] && commit="$head_id"
  git -C "$root" worktree add -q --detach "$work/$side" "$commit"
  echo "building $side ($commit)" >&2
  # shellcheck disable=SC2086
  (cd "$work/$side" && mvn -q -B -Dstyle.color=never ${MAVEN_ARGS:-} -Pbenchmarks -pl benchmarks -am -DskipTests package)
done

for round in $(seq 1 "$rounds"); do
  for side in base head; do
    echo "round $round: $side" >&2
    cp="$work/$side/benchmarks/target/classes:$(cat "$work/$side/benchmarks/target/classpath.txt")"
    # shellcheck disable=SC2086
    java -Xmx1g -cp "$cp" org.openjdk.jmh.Main 'OverheadBenchmark\.(handWritten|generated)$' \
      $jmh_args -prof gc -rf json -rff "$work/$side-$round.json" > "$work/$side-$round.log" 2>&1 \
      || { cat "$work/$side-$round.log" >&2; exit 1; }
  done
done

# One row per round and side: generated / hand-written time (with the JMH errors combined), bytes per call.
row() {
  jq -r --arg side "$1" --arg round "$2" '
    def score(n): map(select(.benchmark | endswith(n)))[0];
    def bytes(b): b.secondaryMetrics["gc.alloc.rate.norm"].score;
    def err(m): m.scoreError | if type == "number" then . else 0 end;  # "NaN" with too few iterations
    score(".handWritten") as $h | score(".generated") as $g
    | ($g.primaryMetric.score / $h.primaryMetric.score) as $r
    | ($r * (((err($g.primaryMetric) / $g.primaryMetric.score) | . * .)
             + ((err($h.primaryMetric) / $h.primaryMetric.score) | . * .) | sqrt)) as $e
    | [$round, $side, $h.primaryMetric.score, $g.primaryMetric.score, $r, $e, bytes($h), bytes($g)]
    | @tsv' "$3"
}
rows="$work/rows.tsv"
: > "$rows"
for round in $(seq 1 "$rounds"); do
  for side in base head; do row "$side" "$round" "$work/$side-$round.json" >> "$rows"; done
done

out_dir="$root/benchmarks/target"
mkdir -p "$out_dir"
out="$out_dir/compare-$base_id-$head_id.md"
{
  echo "Benchmark 1 on two commits, $rounds alternating rounds ($jmh_args, -prof gc):"
  echo "base $base_id ($(git -C "$root" log -1 --format=%s "$base_id" | cut -c1-80)),"
  echo "head $head_id ($(git -C "$root" log -1 --format=%s "$head_id" | cut -c1-80))."
  echo
  echo "| round | commit | hand-written | generated | generated / hand-written | bytes hand-written | bytes generated |"
  echo "|---|---|---|---|---|---|---|"
  awk -F'\t' '{ printf "| %s | %s | %.0f ns | %.0f ns | %.2fx ± %.2f | %.0f B | %.0f B |\n", $1, $2, $3, $4, $5, $6, $7, $8 }' "$rows"
  echo
  # The head's ratio over the base's, per round, and their median.
  awk -F'\t' '
    $2 == "base" { b[$1] = $5; be[$1] = $6; bb[$1] = $8 / $7 }
    $2 == "head" { h[$1] = $5; he[$1] = $6; hb[$1] = $8 / $7 }
    END {
      n = 0
      for (r in b) { q[++n] = h[r] / b[r]; e[n] = q[n] * sqrt((be[r]/b[r])^2 + (he[r]/h[r])^2); bq = hb[r] / bb[r] }
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (q[j] < q[i]) { t = q[i]; q[i] = q[j]; q[j] = t; t = e[i]; e[i] = e[j]; e[j] = t }
      line = ""
      for (i = 1; i <= n; i++) line = line sprintf("%s%.3fx ± %.3f", (i > 1 ? ", " : ""), q[i], e[i])
      printf "Head / base (time ratio over time ratio), per round, sorted: %s; median **%.3fx**.\n", line, q[int((n + 1) / 2)]
      printf "Head / base bytes per call (ratio over ratio): %.3fx.\n", bq
    }' "$rows"
} > "$out"
cat "$out"
