"""The Python end of dstream-sim's bridge (PySpark: py4j's gateway client plus the callback server
that runs ``TransformFunction`` and the worker loop of ``pyspark.worker``).

The engine ("the JVM") is the Node process that started this one. Messages are JSON frames on
fd 3 (from the engine) and fd 4 (to the engine), 4-byte big-endian length first. Records cross
as their pickle (never reinterpreted) plus Python's own ``repr``/``str`` for the engine to print.
Calls nest: a command may make the engine call back (``cb``), and the callback may command again.
"""
from binascii import a2b_base64 as _a2b, b2a_base64 as _b2a
import io
import json
import os
import re
import pickle
import struct
import sys
import traceback
from datetime import datetime

_IN = None
_OUT = None
_funcs = {}
_next_fid = [1]
_depth = [0]
_PKG_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_program_dir = [None]
_CARETS = re.compile(r"^\s*[\^~]+\s*$")
_SUGGESTION = re.compile(r"\. Did you mean: .*\?$", re.M)
# Python 3.10+ names a function by its qualified name in argument errors
# ("StreamingContext.awaitTerminationOrTimeout() missing 1 required positional argument"); 3.9 and
# PySpark's own doctests say "awaitTerminationOrTimeout() missing ...".
_QUALIFIED = re.compile(r"\b(?:[\w<>]+\.)+(\w+\(\) (?:missing|takes|got) )")


class SimulationError(Exception):
    """The simulator refused something no Spark would notice (e.g. an endless ``awaitTermination()``)."""


def _open():
    global _IN, _OUT
    if _IN is not None:
        return
    _IN = os.fdopen(3, "rb", buffering=0)
    _OUT = os.fdopen(4, "wb", buffering=0)


def _read_exact(n):
    buf = b""
    while len(buf) < n:
        chunk = _IN.read(n - len(buf))
        if not chunk:
            os._exit(3)  # the engine went away
        buf += chunk
    return buf


_released = []


def release(h):
    """A wrapper of engine RDD ``h`` died; the engine hears it with the next message."""
    _released.append(h)


def send(message):
    if _released:
        message["rel"] = _released[:]
        del _released[:]
    data = json.dumps(message, separators=(",", ":")).encode("utf-8")
    _OUT.write(struct.pack(">I", len(data)) + data)


def _recv():
    (n,) = struct.unpack(">I", _read_exact(4))
    m = json.loads(_read_exact(n).decode("utf-8"))
    for cid in m.get("crel") or ():
        _held.pop(cid, None)
    for fid in m.get("frel") or ():
        if _pins.get(fid):
            _engine_done.add(fid)  # a live Python RDD still leads to it: forget it when that dies
        else:
            _funcs.pop(fid, None)
    return m


_pins = {}
_engine_done = set()

# Partitions of ``sc.parallelize`` RDDs kept here as Python objects, by the number the engine gave
# them: while the engine's RDD lives, a function piped over it reads them here instead of having
# the engine send back what Python sent it (the engine says ``crel`` when its RDD is gone).
_held = {}
_IMMUTABLE_ATOMS = frozenset((str, int, float, bool, bytes, complex, type(None)))


def immutable(x):
    """Nothing can change ``x`` after ``parallelize`` (PySpark pickles it there): a str, number,
    bytes or None, or a tuple of such. Only such records are kept in :data:`_held`."""
    t = type(x)
    if t in _IMMUTABLE_ATOMS:
        return True
    return t is tuple and all(immutable(y) for y in x)


def hold(cid, partitions):
    """Keep the partitions of the engine's parallelized RDD ``cid`` (see :data:`_held`)."""
    _held[cid] = partitions


def pin(fid):
    """A Python RDD whose lineage calls function ``fid`` was made."""
    _pins[fid] = _pins.get(fid, 0) + 1


def unpin(fid):
    """That Python RDD died; once the engine no longer needs ``fid`` either, it is forgotten."""
    left = _pins.get(fid, 0) - 1
    if left > 0:
        _pins[fid] = left
        return
    _pins.pop(fid, None)
    if fid in _engine_done:
        _engine_done.discard(fid)
        _funcs.pop(fid, None)


def register(func, keyed=False):
    """Keep a Python function the engine will call back, by number."""
    fid = _next_fid[0]
    _next_fid[0] += 1
    _funcs[fid] = (func, keyed)
    return fid


def call(cmd, **args):
    """Run an engine primitive; serve its callbacks until it answers."""
    if isinstance(sys.stdout, _ProgramOutput):
        sys.stdout.flush()
    send({"t": "call", "cmd": cmd, "a": args})
    while True:
        m = _recv()
        t = m["t"]
        if t == "ret":
            return m.get("v")
        if t == "err":
            raise _engine_error(cmd, m["e"])
        if t == "cb":
            _serve_callback(m)


# --- records -------------------------------------------------------------------------------------

_STR_IS_REPR = frozenset((tuple, list, dict, set, int, float, bool, type(None)))  # str(x) == repr(x)


def encode(x):
    if type(x) is str:
        # A str crosses as itself (a Java string, as socket and file lines are): JSON keeps it
        # exactly, and the engine prints it as Python does. Everything else is pickled.
        return x
    p = _b2a(pickle.dumps(x, protocol=4), newline=False).decode("ascii")
    if type(x) is tuple and len(x) == 2:
        # A pair's repr is its parts' reprs in parentheses: each part is repr'd once.
        k, v = repr(x[0]), repr(x[1])
        return {"p": p, "r": "(%s, %s)" % (k, v), "kv": [k, v]}
    r = repr(x)
    d = {"p": p, "r": r}
    if type(x) not in _STR_IS_REPR:
        s = x if isinstance(x, str) else str(x)
        if s != r:
            d["s"] = s
    return d


def decode(w):
    if isinstance(w, dict):
        if "b" in w:  # bytes the engine made (binaryRecordsStream records)
            return _a2b(w["b"])
        return pickle.loads(_a2b(w["p"]))
    return w


def decode_all(ws):
    """The records of a partition; a shuffle batch (``"n"``: many records in one pickle, as
    PySpark's BatchedSerializer writes them) stands for its records, in order."""
    for w in ws:
        if isinstance(w, dict) and "n" in w:
            for x in pickle.loads(_a2b(w["p"])):
                yield x
        else:
            yield decode(w)


def encode_buckets(keyed):
    """A shuffle's map side (PySpark: ``add_shuffle_key`` + ``BatchedSerializer``): the records of
    each target partition in one pickle, so the engine moves one object per bucket."""
    buckets = {}
    for pid, x in keyed:
        b = buckets.get(pid)
        if b is None:
            buckets[pid] = b = []
        b.append(x)
    return [[pid, {"p": _b2a(pickle.dumps(b, protocol=4), newline=False).decode("ascii"), "n": len(b)}]
            for pid, b in buckets.items()]


# --- callbacks -----------------------------------------------------------------------------------

def _serve_callback(m):
    _depth[0] += 1
    try:
        func, keyed = _funcs[m["f"]]
        if m["k"] == "listen":
            func(m["m"], m["info"])
            v = None
        elif m["k"] == "pipe":
            # A partition of plain values (strings the engine read, numbers) needs no decoding; one
            # Python parallelized is still here.
            if "src" in m:
                records = iter(_held[m["src"]][m["split"]])
            else:
                records = iter(m["recs"]) if m.get("plain") else decode_all(m["recs"])
            out = func(m["split"], records)
            if keyed:
                v = encode_buckets(out)
            else:
                v = [encode(x) for x in out] if out is not None else []
        else:
            from pyspark.context import SparkContext
            from pyspark.rdd import RDD, JavaRDD

            sc = SparkContext._active_spark_context
            rdds = [RDD(JavaRDD(j["h"], j["n"]), sc) if j is not None else None for j in m["rdds"]]
            t = datetime.fromtimestamp(m["time"] / 1000.0)
            r = func(t, *rdds)
            v = r._jrdd.h if r else None
        if isinstance(sys.stdout, _ProgramOutput):
            sys.stdout.flush()
        send({"t": "ret", "v": v})
    except BaseException as e:  # noqa: B902 - everything a user function raises fails its job
        if isinstance(sys.stdout, _ProgramOutput):
            sys.stdout.flush()
        send({"t": "err", "e": describe(e)})
    finally:
        _depth[0] -= 1


def in_callback():
    return _depth[0] > 0


# --- errors --------------------------------------------------------------------------------------

def _engine_error(cmd, e):
    from py4j.protocol import Py4JJavaError

    name, message = e["name"], e["message"]
    if name == "ValueError":
        return ValueError(message)
    if name == "IndexError":
        return IndexError(message)
    if name == "TypeError":
        return TypeError(message)
    if name == "SimulationError":
        return SimulationError(message)
    if name == "PythonException":
        py = e.get("py") or {}
        detail = py.get("traceback") or message
        return Py4JJavaError(cmd, "org.apache.spark.api.python.PythonException: " + detail.rstrip("\n"))
    return Py4JJavaError(cmd, "%s: %s" % (e.get("cls") or name, message))


def _user_frame(f):
    name = os.path.abspath(f.filename) if os.path.isabs(f.filename) else f.filename
    return not name.startswith(_PKG_ROOT + os.sep)


def _display(filename):
    d = _program_dir[0]
    if d and os.path.isabs(filename) and filename.startswith(d + os.sep):
        return os.path.relpath(filename, d)
    return filename


def describe(e):
    """The exception as the transcript shows it: type, message, the user's innermost frame and the
    traceback with the simulator's own frames left out."""
    te = traceback.TracebackException.from_exception(e)
    te.__cause__ = None
    te.__context__ = None
    frames = [f for f in te.stack if _user_frame(f)]
    for f in frames:
        f.filename = _display(f.filename)
    te.stack = traceback.StackSummary.from_list(frames)
    where = None
    if frames:
        where = "%s:%s" % (frames[-1].filename, frames[-1].lineno)
    if isinstance(e, SyntaxError) and e.filename is not None:
        where = "%s:%s" % (_display(e.filename), e.lineno)
    text = "".join(te.format())
    if not isinstance(e, SyntaxError):
        # Python 3.11+ underlines the failing expression (^^^, ~~~^~~); leave that out so a
        # transcript reads the same on every Python >= 3.9.
        text = "".join(line for line in text.splitlines(True) if not _CARETS.match(line))
        # Python 3.12+ adds suggestions ("Did you mean: 'flatMap'?") to some messages; leave them
        # out for the same reason.
        text = _SUGGESTION.sub("", text)
    message = str(e)
    if isinstance(e, TypeError):
        # ... and argument errors name the bare function, as Python 3.9 does.
        text = _QUALIFIED.sub(r"\1", text)
        message = _QUALIFIED.sub(r"\1", message)
    if isinstance(e, SyntaxError):
        message = e.msg
    java = getattr(e, "java_exception", None)
    if isinstance(java, str):
        # Py4JJavaError: one line — the call, the Java class and the last line of its text.
        lines = [line for line in java.strip().split("\n") if line.strip()]
        cls = java.split(":", 1)[0]
        last = lines[-1].strip() if lines else ""
        message = "%s %s" % (e.errmsg, java if len(lines) == 1 else "%s: %s" % (cls, last))
    return {
        "type": type(e).__name__,
        "message": message,
        "where": where,
        "traceback": text,
    }


# --- output --------------------------------------------------------------------------------------

class _ProgramOutput(io.TextIOBase):
    """sys.stdout and sys.stderr of the program: whole lines go to the engine, in order with
    everything else it records (a ``programOutput`` event each)."""

    def __init__(self):
        self._buf = ""

    def writable(self):
        return True

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        self._buf += s
        if "\n" in self._buf:
            lines = self._buf.split("\n")
            self._buf = lines.pop()
            for line in lines:
                send({"t": "out", "text": line})
        return len(s)

    def flush(self):
        if self._buf:
            line, self._buf = self._buf, ""
            send({"t": "out", "text": line})

    @property
    def encoding(self):
        return "utf-8"

    def isatty(self):
        return False


def install(program_dir):
    _open()
    _program_dir[0] = program_dir
    out = _ProgramOutput()
    sys.stdout = out
    sys.stderr = out

    import time

    def sleep(seconds):
        """time.sleep in the driver: virtual time passes (batches fall due and run). Inside a
        function the engine runs, processing takes no virtual time."""
        if in_callback():
            return None
        call("sleep", seconds=float(seconds))
        return None

    time.sleep = sleep


def finish(failed):
    if isinstance(sys.stdout, _ProgramOutput):
        sys.stdout.flush()
    send({"t": "done", "failed": failed} if failed else {"t": "done"})
