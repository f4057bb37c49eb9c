"""dstream-sim runs a PySpark program with this: ``python _dstream_sim_main.py <file> <name> [args…]``,
or ``python _dstream_sim_main.py --wait``: a driver started ahead of time (the restart after a
timeline crash), which waits for the engine's first frame ``{"program", "name", "args"}``.

It opens the bridge, makes the program's print() and time.sleep() the simulator's, and runs the
file as ``__main__`` with ``sys.argv`` as spark-submit passes it. How the program ended (normally,
``sys.exit``, an uncaught exception, a syntax error) goes back to the engine.
"""
import builtins
import linecache
import os
import sys
import tokenize
import types


def main():
    from pyspark import _gateway

    if sys.argv[1] == "--wait":
        _gateway._open()
        go = _gateway._recv()
        path, name, args = go["program"], go["name"], list(go["args"])
    else:
        path, name = sys.argv[1], sys.argv[2]
        args = sys.argv[3:]
    program_dir = os.path.dirname(os.path.abspath(path))

    _gateway.install(program_dir)
    sys.argv = [name] + args
    sys.path[0] = program_dir
    failed = None
    try:
        with tokenize.open(path) as f:
            source = f.read()
        linecache.cache[name] = (len(source), None, source.splitlines(True), name)
        code = compile(source, name, "exec")
        module = types.ModuleType("__main__")
        module.__file__ = path
        module.__builtins__ = builtins
        sys.modules["__main__"] = module
        exec(code, module.__dict__)
    except SystemExit as e:
        if e.code not in (None, 0):
            failed = _gateway.describe(e)
            failed["message"] = str(e.code)
    except BaseException as e:  # noqa: B902 - the program's uncaught exception ends the run
        failed = _gateway.describe(e)
    _gateway.finish(failed)


if __name__ == "__main__":
    main()
