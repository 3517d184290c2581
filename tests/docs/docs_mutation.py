#!/usr/bin/env python3
"""docs_test.py must catch drift (issue 23): take README.md's `eval` example as shown (it
must pass), then the same with one digit of its output changed, one output line dropped,
and the command's argument changed (each must fail, naming the page's line).

    docs_mutation.py ROOT ANNEALCHECK WORKDIR
"""
import pathlib
import re
import subprocess
import sys

root, binary, work = (pathlib.Path(a).resolve() for a in sys.argv[1:4])
work.mkdir(parents=True, exist_ok=True)
blocks = re.findall(r"```console\n.*?```\n", (root / "README.md").read_text(), re.S)
block = next(b for b in blocks if "L_D(GF)/L_D(annealed)" in b)


def run(name, text):
    page = work / name
    page.write_text("# " + name + "\n\n" + text)
    p = subprocess.run([sys.executable, str(root / "tests/docs/docs_test.py"), str(root), str(binary), str(page)],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    print(f"--- {name}: exit {p.returncode}\n{p.stdout}")
    return p.returncode, p.stdout


ok = True
rc, _ = run("as_shown.md", block)
ok &= rc == 0
mutants = {
    "digit.md": block.replace("1.999999999999990008", "1.999999999999990009"),
    "dropped_line.md": re.sub(r"\nverdict: [^\n]*", "", block),
    "argument.md": block.replace("--alpha 1/2", "--alpha 1/3"),
}
for name, text in mutants.items():
    assert text != block, name
    rc, out = run(name, text)
    # docs_test.py names the page as given or relative to the source root: match its file name and line.
    if rc != 1 or not re.search(rf"^FAIL \S*{re.escape(name)}:4: ", out, re.M):
        print(f"MUTANT SURVIVED: {name}")
        ok = False
print("docs mutation: every mutant caught" if ok else "docs mutation: FAILED")
sys.exit(0 if ok else 1)
