#!/usr/bin/env python3
"""Size limits of the library and its layers (issue 23, docs/architecture.md):
no source file over 400 lines, no function over 80.

    sizes_test.py ROOT [--report]

Reads every .cpp/.hpp under the layer folders of ROOT (src/, properties/, claims/,
campaign/, reports/, cli/, python/). A function is a brace block opened at namespace or class
scope whose head (the text since the previous `;`, `{` or `}` at that scope) has a
parameter list and is not a class, struct, enum, union, namespace or initializer;
its length is counted from the line of its head's first token to its closing brace.
Comments, string and character literals are blanked before counting braces, so a
brace inside them is not seen. Exit 1 with one line per violation, naming the file,
the line and the size; --report lists the ten longest functions and files too.
"""
import pathlib
import re
import sys

LAYERS = ["src", "properties", "claims", "campaign", "reports", "cli", "python"]
MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 80
NOT_FUNCTION = re.compile(r"\b(class|struct|enum|union|namespace)\b|=\s*$|^\s*(extern\s+\"C\")")


def blank_comments_and_literals(text):
    """The text with comments, string and char literals replaced by spaces (newlines kept)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == 'R' and text.startswith('R"', i) and not (i and (text[i - 1].isalnum() or text[i - 1] == '_')):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if not m:
                out.append(c)
                i += 1
                continue
            end = text.find(")" + m.group(1) + '"', i)
            j = n if end < 0 else end + len(m.group(1)) + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c in "\"'":
            if c == "'" and i and text[i - 1].isalnum():  # digit separator 1'000
                out.append(c)
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(" " * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def functions(text):
    """(first line, last line, head) of every function body at namespace or class scope."""
    code = blank_comments_and_literals(text)
    scopes = []  # one entry per open brace: True if it opened a function body
    head_start = 0
    found = []
    line_of = lambda pos: code.count("\n", 0, pos) + 1
    for pos, c in enumerate(code):
        if c in ";{}" and not any(scopes):
            pass
        if c == "{":
            in_function = any(scopes)
            head = code[head_start:pos]
            is_function = (not in_function) and ")" in head and not NOT_FUNCTION.search(head.strip().split("\n")[0] if False else head)
            if is_function:
                first = head_start + (len(head) - len(head.lstrip()))
                found.append([line_of(first), None, " ".join(head.split())[:90]])
                scopes.append(len(found))
            else:
                scopes.append(0)
            head_start = pos + 1
        elif c == "}":
            if scopes:
                opened = scopes.pop()
                if opened:
                    found[opened - 1][1] = line_of(pos)
            head_start = pos + 1
        elif c == ";" and not any(scopes):
            head_start = pos + 1
        elif c in ":" and not any(scopes) and re.search(r"\b(public|private|protected)\s*$", code[head_start:pos]):
            head_start = pos + 1
        elif c == "#" and not any(scopes) and (pos == 0 or code[pos - 1] == "\n"):
            # a preprocessor line ends a head
            head_start = code.find("\n", pos) + 1 or len(code)
    return [(a, b, h) for a, b, h in found if b is not None]


def main(argv):
    root = pathlib.Path(argv[1])
    report = "--report" in argv
    problems, sizes, longest = [], [], []
    for layer in LAYERS:
        for path in sorted((root / layer).rglob("*")):
            if path.suffix not in (".cpp", ".hpp") or not path.is_file():
                continue
            rel = path.relative_to(root)
            text = path.read_text(encoding="utf-8")
            lines = text.count("\n")
            sizes.append((lines, str(rel)))
            if lines > MAX_FILE_LINES:
                problems.append(f"{rel}: {lines} lines (at most {MAX_FILE_LINES})")
            for first, last, head in functions(text):
                length = last - first + 1
                longest.append((length, f"{rel}:{first}", head))
                if length > MAX_FUNCTION_LINES:
                    problems.append(f"{rel}:{first}: function of {length} lines (at most {MAX_FUNCTION_LINES}): {head}")
    if report:
        for n, where, head in sorted(longest, reverse=True)[:10]:
            print(f"function {n:4d} {where} {head}")
        for n, where in sorted(sizes, reverse=True)[:10]:
            print(f"file     {n:4d} {where}")
    for p in problems:
        print(p)
    print(f"sizes_test: {len(sizes)} files, {len(longest)} functions, {len(problems)} over the limits")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
