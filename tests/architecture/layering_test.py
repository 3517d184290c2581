#!/usr/bin/env python3
"""The include rules of docs/architecture.md, enforced (issue 23).

    layering_test.py ROOT

Reads the layering table of ROOT/docs/architecture.md (between the `layering-table`
markers), then every .cpp/.hpp under the layer folders, and resolves each quoted
`#include "..."`: first as a path under src/ (`annealcheck/...`), then from the
repository root (`claims/...`), then relative to the including file. An include
that resolves to a layer not in the including layer's "may include" column is a
violation; so is one that resolves nowhere (a typo would otherwise hide a crossing),
unless it names a generated header of the including layer (`LAYER/..._data.hpp`).
In configure_file templates (.in), `@VAR@` in an include matches any file name.
Exit 1 with one line per violation: file, line, include, the two layers.
"""
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def read_table(doc):
    text = doc.read_text()
    m = re.search(r"<!-- layering-table.*?-->(.*?)<!-- end layering-table -->", text, re.S)
    if not m:
        sys.exit(f"{doc}: no layering-table markers")
    rules = {}
    for row in m.group(1).strip().splitlines()[2:]:
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) != 3:
            sys.exit(f"{doc}: table row {row!r}: expected 3 cells (layer | owns | may include)")
        rules[cells[0]] = {x.strip() for x in cells[2].split(",")}
    return rules


def layer_of(root, path, layers):
    top = path.relative_to(root).parts[0]
    return top if top in layers else None


def resolve(root, including, inc):
    """The file an include names; in a configure_file template, @VAR@ matches any name."""
    pattern = re.sub(r"@[A-Za-z_]+@", "*", inc)
    for base in (root / "src", root, including.parent):
        if pattern != inc:
            hits = sorted(base.glob(pattern))
            if hits and root in hits[0].resolve().parents:
                return hits[0].resolve()
            continue
        p = (base / inc).resolve()
        if p.is_file() and root in p.parents:
            return p
    return None


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    rules = read_table(root / "docs" / "architecture.md")
    for layer, allowed in rules.items():
        if not (root / layer).is_dir():
            sys.exit(f"docs/architecture.md names layer {layer!r}, but {root / layer} is not a folder")
        if unknown := allowed - rules.keys():
            sys.exit(f"docs/architecture.md: layer {layer!r} may include unknown layer(s) {sorted(unknown)}")
    violations, checked = [], 0
    for layer in rules:
        for f in sorted((root / layer).rglob("*")):
            if f.suffix not in (".cpp", ".hpp", ".in") or not f.is_file():
                continue
            text = f.read_text(errors="replace")
            for m in INCLUDE.finditer(text):
                inc = m.group(1)
                line = text.count("\n", 0, m.start()) + 1
                checked += 1
                target = resolve(root, f, inc)
                where = f"{f.relative_to(root)}:{line}: #include \"{inc}\""
                if target is None:
                    if not (inc.startswith(layer + "/") and inc.endswith("_data.hpp")):
                        violations.append(f"{where}: resolves to no file under {root}")
                    continue
                to = layer_of(root, target, rules)
                if to is None:
                    violations.append(f"{where}: includes {target.relative_to(root)}, outside every layer (tests, bench, fuzz may not be included)")
                elif to not in rules[layer]:
                    violations.append(f"{where}: layer {layer} may not include layer {to} (docs/architecture.md allows {', '.join(sorted(rules[layer]))})")
    for v in violations:
        print(v)
    print(f"layering: {checked} includes in {len(rules)} layers checked, {len(violations)} violation(s)")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
