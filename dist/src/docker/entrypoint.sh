#!/bin/sh
# The container's entrypoint: `docker run IMAGE validate playbooks/` runs `wisp validate playbooks/` in /work, the
# mounted playbook folder; with no arguments it prints the usage. (A shell in the image: docker run --entrypoint sh.)
set -eu
wisp=${WISP_HOME:-/opt/wisp}/bin/wisp

if [ $# -eq 0 ]; then
  exec "$wisp" --help
fi

# wisp run records runs in .wisp/ here: when the mounted folder is not writable by this user, say how to fix it
# before a run fails half-way (validate and test write nothing there, so they go on).
if [ ! -w . ]; then
  echo "wisp: $(pwd) is not writable by uid $(id -u), and runs are recorded in .wisp/ there; mount it writable" \
    "or run the container as the folder's owner: docker run --user \"\$(id -u):\$(id -g)\" ..." >&2
fi
exec "$wisp" "$@"
