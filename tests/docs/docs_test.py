#!/usr/bin/env python3
"""Tested documentation (issue 23): run every shown example of README.md and docs/*.md and
compare what the program prints with what the page shows — the habit of lit and doctests.

    docs_test.py ROOT ANNEALCHECK [--list] [--only PAGE:LINE] [FILE ...]

An example is a fenced block whose info string is `console`:

    ```console
    $ annealcheck eval --prop1 --alpha 1/2 --eps 1e-15 --K 10
    <what it prints>
    $ echo $?
    0
    ```

Lines starting with `$ ` are commands (run by bash, in a scratch directory where
`instances/`, `coq/`, `schemas/` and `examples/` are the repository's and `annealcheck` is
the binary under test); the lines after a command, up to the next command, are its expected
standard output and standard error, interleaved as a terminal shows them. Two escapes, and
only these, let a page show output that varies by machine; each must be visible in the page:

  - a line `...` matches any number of lines (an abridged output);
  - `[~]` inside a line matches any text without a newline (a time, a path, a host name);
    the spaces just before it are column padding and match any number of spaces, since a
    right-aligned time one digit wider (a slower machine, a sanitizer build) eats one.

Everything else is compared exactly, after stripping trailing spaces. A mismatch prints the
page, the line of the command, and a unified diff of shown against printed; exit 1.
"""
import difflib
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^```console\s*$")
LINKED = ["instances", "coq", "schemas", "examples"]


def examples(page):
    """(line number, command, expected lines) for each `$ ` command of each console block."""
    out, block, lineno = [], None, 0
    for n, line in enumerate(page.read_text().splitlines(), 1):
        if block is None:
            if FENCE.match(line):
                block = []
            continue
        if line.startswith("```"):
            out.extend(block)
            block = None
        elif line.startswith("$ "):
            block.append([n, line[2:], []])
        elif block:
            block[-1][2].append(line.rstrip())
        elif line.strip():
            sys.exit(f"{page}:{n}: console block text before its first `$ ` command")
    if block is not None:
        sys.exit(f"{page}: unterminated console block")
    return out


def line_matches(shown, printed):
    if "[~]" not in shown:
        return shown == printed
    parts = shown.split("[~]")
    padded = [re.escape(part.rstrip(" ")) + " *" for part in parts[:-1]]
    pattern = ".*".join(padded + [re.escape(parts[-1])])
    return re.fullmatch(pattern, printed) is not None


def matches(shown, printed):
    """Does the printed list of lines match the shown one (with `...` and `[~]`)?"""
    memo = {}

    def go(i, j):
        if (i, j) in memo:
            return memo[(i, j)]
        if i == len(shown):
            r = j == len(printed)
        elif shown[i] == "...":
            r = any(go(i + 1, k) for k in range(j, len(printed) + 1))
        else:
            r = j < len(printed) and line_matches(shown[i], printed[j]) and go(i + 1, j + 1)
        memo[(i, j)] = r
        return r

    return go(0, 0)


def run(cmd, scratch, binary_dir, state):
    env = dict(os.environ, PATH=f"{binary_dir}:{os.environ['PATH']}", COLUMNS="100", NO_COLOR="1")
    # `echo $?` reads the previous command's status, as in a terminal.
    script = f"(exit {state['rc']}); {cmd}"
    p = subprocess.run(["bash", "-c", script], cwd=scratch, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, timeout=600)
    state["rc"] = p.returncode
    return [l.rstrip() for l in p.stdout.splitlines()]


def main():
    args = sys.argv[1:]
    listing = "--list" in args
    only = None
    if "--only" in args:
        only = args[args.index("--only") + 1]
        del args[args.index("--only"):args.index("--only") + 2]
    args = [a for a in args if a != "--list"]
    root, binary = pathlib.Path(args[0]).resolve(), pathlib.Path(args[1]).resolve()
    pages = [pathlib.Path(a).resolve() for a in args[2:]] or [root / "README.md", *sorted((root / "docs").glob("*.md"))]
    binary_dir = tempfile.mkdtemp(prefix="docs-bin-")
    os.symlink(binary, os.path.join(binary_dir, "annealcheck"))
    failures, count = 0, 0
    for page in pages:
        scratch = tempfile.mkdtemp(prefix="docs-")
        for name in LINKED:
            if (root / name).exists():
                os.symlink(root / name, os.path.join(scratch, name))
        state = {"rc": 0}
        for n, cmd, shown in examples(page):
            where = f"{page.relative_to(root) if root in page.resolve().parents else page}:{n}"
            if only and only != where:
                continue
            count += 1
            if listing:
                print(f"{where}: $ {cmd}")
                continue
            printed = run(cmd, scratch, binary_dir, state)
            if not matches(shown, printed):
                failures += 1
                print(f"FAIL {where}: $ {cmd}")
                sys.stdout.writelines(difflib.unified_diff([l + "\n" for l in shown], [l + "\n" for l in printed],
                                                           "shown in the page", "printed by the program"))
        shutil.rmtree(scratch, ignore_errors=True)
    shutil.rmtree(binary_dir, ignore_errors=True)
    print(f"docs: {count} example(s) in {len(pages)} page(s), {failures} differ from the program")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
