#!/usr/bin/env bash
# Imports every SOAR export of a folder with `wisp import soar --allow-losses`, then checks each result with
# `wisp validate` and a `wisp test` whose mocks stand in for every app (code blocks mocked too, prompts answered),
# and prints a table: file, blocks, losses by kind, validate result, test result.
#
#   scripts/soar-import-corpus.sh EXPORTS_DIR APPS_DIR [OUT_DIR]
#
# APPS_DIR holds SOAR app JSONs (turned into OUT/apps/ with `wisp import soar-app` when this build has it) or
# Wisp app specs (*.yaml, copied to OUT/apps/). OUT_DIR defaults to a new temporary folder.
set -euo pipefail
if [[ $# -lt 2 || ! -d $1 ]]; then
  echo "usage: $0 EXPORTS_DIR APPS_DIR [OUT_DIR]" >&2
  exit 2
fi
exports=$1
apps=$2
out=${3:-$(mktemp -d)}
root=$(cd "$(dirname "$0")/.." && pwd)
wisp="$root/wisp"
mkdir -p "$out"
shopt -s nullglob
app_jsons=("$apps"/*.json)
app_specs=("$apps"/*.yaml)
if (( ${#app_specs[@]} )); then
  mkdir -p "$out/apps" && cp "${app_specs[@]}" "$out/apps/"
elif (( ${#app_jsons[@]} )) && "$wisp" import soar-app --help > /dev/null 2>&1; then
  "$wisp" import soar-app "${app_jsons[@]}" -o "$out/apps" --force > "$out/import-apps.out" 2>&1 || true
else
  echo "note: no app specs (this build has no 'wisp import soar-app'): unknown-app errors (WSP031) are expected" >&2
fi
files=("$exports"/*.json)
set +e
"$wisp" import soar "${files[@]}" -o "$out" --allow-losses --force --report "$out/import-report.json" > "$out/import.out" 2>&1
echo "wisp import soar: exit code $? (report: $out/import-report.json, messages: $out/import.out)" >&2
set -e

# a test per playbook: every non-core action mocked with one item holding every data output its app spec declares
# (the first example value), every code block mocked, every prompt answered, every input given, an event whose
# artifact has every cef field the playbook reads
write_test() {
  python3 - "$1" "$2" <<'PY'
import os, sys, yaml
playbook, test = sys.argv[1], sys.argv[2]
doc = yaml.safe_load(open(playbook))
apps_dir = os.path.join(os.path.dirname(playbook), "apps")

def sample(type_, examples):
    if examples:
        return examples[0]
    return {"numeric": 1, "boolean": True}.get(type_, "x")

def put(item, segs, value):  # segs after action_result.data.*: fields, with * as a list of one
    if not segs:
        return value
    head, rest = segs[0], segs[1:]
    if head == "*":
        inner = item[0] if isinstance(item, list) and item else {}
        return [put(inner, rest, value)]
    item = item if isinstance(item, dict) else {}
    item[head] = put(item.get(head, {} if rest and rest[0] != "*" else []), rest, value)
    return item

def mock_item(block):  # one data item with every output the app's spec declares for the action
    asset = (doc.get("assets") or {}).get(block.get("asset") or "", {})
    app = block.get("app") or asset.get("app")
    spec_file = os.path.join(apps_dir, f"{app}.yaml")
    if not app or not os.path.exists(spec_file):
        return {}
    action = ((yaml.safe_load(open(spec_file)) or {}).get("actions") or {}).get(block["action"]) or {}
    item = {}
    for o in action.get("outputs") or []:
        path = o.get("data_path", "")
        if path.startswith("action_result.data.*."):
            item = put(item, path[len("action_result.data.*."):].split("."), sample(o.get("type"), o.get("examples")))
    return item

mocks, answers = {}, {}
for name, b in (doc.get("blocks") or {}).items():
    if "action" in b and b.get("app") != "core":
        mocks[name] = {"data": [mock_item(b)]}
    elif "code" in b:
        mocks[name] = {"data": [{o: None for o in (b.get("outputs") or {})}]}
    elif "prompt" in b:
        rs = b.get("responses") or []
        one = lambda r: "yes" if r.get("type") == "yes/no" else (r.get("options") or ["ok"])[0]
        answers[name] = [one(r) for r in rs] if len(rs) > 1 else (one(rs[0]) if rs else "ok")
inputs = {n: (["corpus-value"] if (i or {}).get("type") == "list" else "corpus-value")
          for n, i in (doc.get("inputs") or {}).items()}
import re
cef = {f: "corpus-" + f for f in re.findall(r"artifact:\*\.cef\.([A-Za-z0-9_]+)", open(playbook).read())}
case = {"event": {"container": {"id": 1, "name": "corpus check"}, "artifacts": [{"cef": cef}]},
        "expect": {"status": "success"}}
if inputs:
    case["inputs"] = inputs
if mocks:
    case["mocks"] = mocks
if answers:
    case["answers"] = answers
yaml.safe_dump({"playbook": playbook.rsplit("/", 1)[-1], "tests": {"runs with mocked apps": case}},
               open(test, "w"), sort_keys=False)
PY
}

printf '%-46s %6s  %-72s %-28s %s\n' file blocks "losses (e=error w=warning i=info, by kind)" validate test
for f in "${files[@]}"; do
  stem=$(basename "$f" .json)
  yaml="$out/$stem.yaml"
  blocks=$(python3 -c 'import json,sys; n=json.load(open(sys.argv[1])).get("coa",{}).get("data",{}).get("nodes",{}); print(len([x for x in n.values() if x.get("type") not in ("start","end")]))' "$f" 2>/dev/null || echo "?")
  losses=$(python3 - "$out/import-report.json" "$f" <<'PY'
import json, sys, collections
for e in json.load(open(sys.argv[1]))["exports"]:
    if e["file"] == sys.argv[2]:
        c = collections.Counter((l["severity"][0], l["kind"].replace("soar-", "")) for l in e["losses"])
        print(" ".join(f"{s}:{k}={n}" for (s, k), n in sorted(c.items())) or "none")
PY
)
  if [[ -f "$yaml" ]]; then
    set +e
    v=$("$wisp" validate "$yaml" 2>&1)
    set -e
    codes=$(grep -o 'error\[WSP[0-9]*\]' <<<"$v" | sort | uniq -c | awk '{printf "%s%s×%s", sep, substr($2,7,6), $1; sep=" "}' || true)
    result=${codes:-valid}
    write_test "$yaml" "$out/$stem.test.yaml"
    set +e
    t=$("$wisp" test "$out/$stem.test.yaml" 2>&1)
    rc=$?
    set -e
    case $rc in
      0) test_result=pass ;;
      1) test_result="fail: $(grep -m1 -o 'got [a-z]* (.*' <<<"$t" | cut -c1-70 || true)" ;;
      3) test_result="invalid (as validate)" ;;
      *) test_result="exit $rc" ;;
    esac
  else
    result="not written"
    test_result="-"
  fi
  printf '%-46s %6s  %-72s %-28s %s\n' "$stem" "$blocks" "$losses" "$result" "$test_result"
done
