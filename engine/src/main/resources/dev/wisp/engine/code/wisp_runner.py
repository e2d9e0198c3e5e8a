"""Wisp's side of a code block process: one JSON request a line on stdin, one JSON message a line back.

The engine starts this once and sends it every code block of the run, one at a time (see docs/code-blocks.md).
Messages out: {"log": "stdout"|"stderr"|"debug"|"error", "text": ...} while the code runs, then one
{"done": true, ...}. The protocol has its own copy of file descriptor 1; fd 1 itself is pointed at stderr, so a
subprocess or C library writing to stdout cannot break it (the engine journals stderr line by line); stdin,
likewise, is the runner's alone.
"""
import io
import json
import os
import re
import sys
import traceback
import types

_proto = os.fdopen(os.dup(1), "w", encoding="ascii", newline="\n")
os.dup2(2, 1)
# requests come on a private copy of fd 0; the code (and anything it starts) reads an empty stdin, so input()
# cannot swallow the next request
_stdin = os.fdopen(os.dup(0), "rb")
_null = os.open(os.devnull, os.O_RDONLY)
os.dup2(_null, 0)
os.close(_null)
sys.stdin = open(os.devnull, "r")


def _send(message):
    _proto.write(json.dumps(message, ensure_ascii=True) + "\n")
    _proto.flush()


class _Lines(io.TextIOBase):
    """sys.stdout and sys.stderr of the code: each line becomes a log message."""

    def __init__(self, stream):
        self.stream = stream
        self.buffer_ = ""

    def writable(self):
        return True

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not " + type(s).__name__)
        self.buffer_ += s
        while "\n" in self.buffer_:
            line, self.buffer_ = self.buffer_.split("\n", 1)
            _send({"log": self.stream, "text": line})
        if len(self.buffer_) > 65536:
            self.flush_line()
        return len(s)

    def flush_line(self):
        if self.buffer_:
            _send({"log": self.stream, "text": self.buffer_})
            self.buffer_ = ""


class _Context:
    """What one execution may see through the phantom module."""

    def __init__(self, request, outputs):
        self.block = request["block"]
        self.inputs = request["inputs"]
        self.keys = request.get("keys", {})
        self.paths = request.get("paths", {})
        self.sources = request.get("sources", {})
        self.declared = set(request.get("outputs", []))
        self.container = request.get("container", {})
        self.run_data = request.get("run_data", {})
        self.formats = request.get("formats", {})
        self.finished = set(request.get("finished", []))
        self.outputs = outputs
        self.saved = {}
        self.formatted = {}


_ctx = None
_TOKEN = re.compile(r"\{(\d+)\}")


def _not_supported(name):
    def call(*args, **kwargs):
        raise NotImplementedError("phantom." + name + " is not supported in Wisp code blocks (see "
                                  "docs/code-blocks.md); use an action block or a Wisp block instead")
    call.__name__ = name
    return call


def _phantom_module():
    m = types.ModuleType("phantom", "Wisp's stand-in for SOAR's phantom.rules (see docs/code-blocks.md).")

    def collect2(container=None, datapath=None, action_results=None, **kwargs):
        """Rows of the data paths, aligned as Wisp aligns an action's parameters (one list per row)."""
        if action_results is not None:
            raise NotImplementedError("phantom.collect2(action_results=...) is not supported in Wisp code blocks")
        paths = [datapath] if isinstance(datapath, str) else list(datapath or [])
        groups = {}
        for i, p in enumerate(paths):
            name = _ctx.paths.get(p)
            if name is None:
                raise ValueError("phantom.collect2: data path '" + str(p) + "' is not an input of code block '"
                                 + _ctx.block + "'; declare it under inputs (for example  x: " + str(p) + ")")
            rows = [(tuple(k), v) for k, v in zip(_ctx.keys.get(name, []), _ctx.inputs.get(name) or [])]
            groups.setdefault(_ctx.sources.get(name, name), []).append((i, rows))
        combined = [{}]
        for members in groups.values():
            aligned = _align(members)
            combined = [dict(a, **b) for a in combined for b in aligned]
        return [[r.get(str(i)) for i in range(len(paths))] for r in combined]

    def debug(obj, *args, **kwargs):
        text = obj if isinstance(obj, str) else json.dumps(obj, default=repr, indent=2, sort_keys=True)
        _send({"log": "debug", "text": text})

    def error(obj, *args, **kwargs):
        text = obj if isinstance(obj, str) else json.dumps(obj, default=repr)
        _send({"log": "error", "text": text})

    def save_run_data(value=None, key=None, auto=True, **kwargs):
        if key is None:
            raise ValueError("phantom.save_run_data needs key=")
        _ctx.saved[key] = value
        if key in _ctx.declared:
            _ctx.outputs[key] = value

    def get_run_data(key=None, **kwargs):
        if key in _ctx.saved:
            return _ctx.saved[key]
        return _ctx.run_data.get(key)

    def format(container=None, template="", parameters=None, name=None, separator=", ", **kwargs):
        values = []
        for p in parameters or []:
            input_name = _ctx.paths.get(p) if isinstance(p, str) else None
            if input_name is not None:
                v = _ctx.inputs.get(input_name) or []
                values.append(separator.join("" if x is None else str(x) for x in v))
            else:
                values.append("" if p is None else str(p))

        def fill(m):
            i = int(m.group(1))
            return values[i] if i < len(values) else m.group(0)
        text = _TOKEN.sub(fill, template or "")
        if name is not None:
            _ctx.formatted[name] = text
        return text

    def get_format_data(name=None, **kwargs):
        if name in _ctx.formatted:
            return _ctx.formatted[name]
        if name in _ctx.formats:
            return _ctx.formats[name]
        input_name = _ctx.paths.get(str(name) + ":formatted_data")
        if input_name is not None:
            v = _ctx.inputs.get(input_name) or []
            return v[0] if len(v) == 1 else v
        raise ValueError("phantom.get_format_data: no format named '" + str(name) + "'; declare the format block's "
                         "text as an input (for example  text: " + str(name) + ":formatted_data)")

    def get_container(container_id=None, **kwargs):
        return json.loads(json.dumps(_ctx.container))

    def concatenate(*args, dedup=False, **kwargs):
        out = []
        for a in args:
            for x in (a if isinstance(a, (list, tuple)) else [a]):
                if not dedup or x not in out:
                    out.append(x)
        return out

    def completed(action_names=None, playbook_names=None, custom_function_names=None, trace=False, **kwargs):
        names = []
        for group in (action_names, playbook_names, custom_function_names):
            names.extend([group] if isinstance(group, str) else list(group or []))
        return all(n in _ctx.finished for n in names)

    for f in (collect2, debug, error, save_run_data, get_run_data, format, get_format_data, get_container,
              concatenate, completed):
        setattr(m, f.__name__, f)
    m.__getattr__ = lambda name: _not_supported(name) if not name.startswith("__") else _missing(name)
    m.rules = m
    return m


def _missing(name):
    raise AttributeError(name)


def _align(members):
    """Fanout's alignment: the longest path drives; a shallower path repeats its value under its parent."""
    driver = max(members, key=lambda m: len(m[1]))[1]
    by_key = {}
    for i, rows in members:
        d = {}
        for k, v in rows:
            d.setdefault(k, v)
        by_key[i] = d
    out = []
    for j, (dk, _) in enumerate(driver):
        row = {}
        for i, rows in members:
            if len(rows) == len(driver):
                row[str(i)] = rows[j][1]
            else:
                row[str(i)] = next((by_key[i][dk[:n]] for n in range(len(dk), -1, -1) if dk[:n] in by_key[i]), None)
        out.append(row)
    return out


_phantom = _phantom_module()
sys.modules["phantom"] = _phantom
sys.modules["phantom.rules"] = _phantom


def _user_line(tb, filename):
    line = None
    for frame in traceback.extract_tb(tb):
        if frame.filename == filename:
            line = frame.lineno
    return line


def _trace(e):
    """The traceback from the code's own frames on (this runner's frame left out)."""
    tb = e.__traceback__.tb_next if e.__traceback__ is not None else None
    return "".join(traceback.format_exception(type(e), e, tb))


def _run(request):
    global _ctx
    outputs = {}
    _ctx = _Context(request, outputs)
    filename = request.get("filename", "<code>")
    env = {"__name__": "__main__", "__builtins__": __builtins__, "inputs": request["inputs"], "outputs": outputs,
           "phantom": _phantom}
    out, err = _Lines("stdout"), _Lines("stderr")
    sys.stdout, sys.stderr = out, err
    try:
        exec(compile(request["code"], filename, "exec"), env)
    except SystemExit as e:
        if e.code not in (None, 0):
            return {"done": True, "error": "SystemExit: " + str(e.code), "traceback": _trace(e)}
    except BaseException as e:  # the code's own failure, whatever it is, is the block's result
        last = traceback.format_exception_only(type(e), e)[-1].strip()
        line = e.lineno if isinstance(e, SyntaxError) and e.filename == filename else _user_line(e.__traceback__,
                                                                                                 filename)
        return {"done": True, "error": last, "line": line, "traceback": _trace(e)}
    finally:
        out.flush_line()
        err.flush_line()
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    bad = {}
    for k, v in outputs.items():
        try:
            json.dumps(v, allow_nan=False)
        except (TypeError, ValueError, RecursionError) as e:
            bad[str(k)] = type(v).__name__ + " (" + str(e) + ")"
    if bad:
        return {"done": True, "unserializable": bad}
    saved = {}
    for k, v in _ctx.saved.items():
        try:
            json.dumps(v, allow_nan=False)
            saved[str(k)] = v
        except (TypeError, ValueError, RecursionError) as e:
            return {"done": True, "error": "phantom.save_run_data(key='" + str(k) + "'): the value is not JSON: "
                    + str(e)}
    return {"done": True, "outputs": outputs, "run_data": saved, "formats": _ctx.formatted}


def main():
    while True:
        line = _stdin.readline()
        if not line:
            return
        try:
            request = json.loads(line.decode("utf-8"))
        except ValueError as e:
            _send({"done": True, "error": "wisp: a request the runner cannot read: " + str(e)})
            continue
        if request.get("ping"):
            _send({"done": True, "pong": True})
            continue
        _send(_run(request))


if __name__ == "__main__":
    main()
