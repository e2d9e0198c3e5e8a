# The code block rank_instances of prioritise_ec2_capture.yaml: inputs["name"] in, outputs["name"] out.
# Data path inputs arrive as lists (as SOAR's collect2 gives them); see docs/code-blocks.md.
import phantom.rules as phantom

SEVERITY = {"high": 60, "medium": 30, "low": 10}

named = set(inputs["named"])
severity = (inputs["severity"] or [None])[0]
threshold = inputs["threshold"][0]

ranked = []
rows = phantom.collect2(container=phantom.get_container(), datapath=[
    "list_instances_1:action_result.data.*.*.id",
    "list_instances_1:action_result.data.*.*._state",
    "list_instances_1:action_result.data.*.*.region",
])
for instance_id, state, region in rows:
    if instance_id not in named:
        continue
    score = SEVERITY.get(severity, 0) + (40 if state == "running" else 0)
    ranked.append({"id": instance_id, "region": region, "state": state, "score": score})
ranked.sort(key=lambda r: (-r["score"], r["id"]))
phantom.debug(ranked)

outputs["ranked"] = ranked
outputs["to_capture"] = [r for r in ranked if r["score"] >= threshold]
outputs["summary"] = "Alert severity {}: {} of {} named instances at or above {}".format(
    severity, len(outputs["to_capture"]), len(ranked), threshold)
