#!/usr/bin/env python3
"""verify under mpirun (issue 13, ctest label `mpi`):
  1. `mpirun -np 3 annealcheck verify --cases 2000 --seed 7` prints the same
     verdicts, case counts, chunk counts and margins as `verify --jobs 1 --cases
     2000 --seed 7` — on a subset of the catalog at double (--properties, --types),
     so that both runs take seconds on 2 cores, not the hour of the whole catalog;
  2. a `kill -9` of rank 1 mid-run (mpirun then ends the others) with --out DIR,
     then `mpirun -np 2 annealcheck verify --resume DIR`, completes the campaign
     with the same result as an uninterrupted `mpirun -np 3` run: every chunk
     recorded once, no case lost or counted twice. This campaign uses --chunk-size
     200 (22 chunks): the default chunks of about a second make only 5 here, too
     few to kill a rank reliably mid-run.
Usage: mpi_test.py ANNEALCHECK MPIRUN SCRATCH_DIR"""
import json
import os
import shutil
import signal
import subprocess
import sys
import time

exe, mpirun, scratch = sys.argv[1], sys.argv[2], sys.argv[3]
shutil.rmtree(scratch, ignore_errors=True)
os.makedirs(scratch)
os.environ["TMPDIR"] = scratch
MPI = [mpirun, "--oversubscribe", "--allow-run-as-root"]  # root in CI containers; more ranks than cores
for var in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):  # the ASan build (CMake sets them for this test): to every rank
    if var in os.environ:
        MPI += ["-x", var]
CAMPAIGN = ["--properties", "lemma2.gf-lower-bound,lemma2.annealed-upper-bound,falsify.f1-g-without-c2,prop1.case30-equal-loss",
            "--types", "double", "--cases", "2000", "--seed", "7"]
failures = []


def rows(stdout):
    doc = json.loads(stdout)
    return [(r["property"], r["type"], r["cases"], r["chunks"], r["verdict"], r["ok"], r["smallest_margin"]) for r in doc["rows"]]


def run(cmd, timeout=120):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


one = run([exe, "verify", "--jobs", "1", "--format", "json", "--report-dir", os.path.join(scratch, "r1")] + CAMPAIGN)
if one.returncode != 0:
    sys.exit(f"verify --jobs 1 exited {one.returncode}: {one.stderr[:300]}")
expected = rows(one.stdout)
print("verify --jobs 1:", expected)

t0 = time.time()
three = run(MPI + ["-np", "3", exe, "verify", "--format", "json", "--report-dir", os.path.join(scratch, "r3")] + CAMPAIGN)
print(f"mpirun -np 3: exit {three.returncode} in {time.time() - t0:.1f} s")
if three.returncode != 0 or rows(three.stdout) != expected:
    failures.append(f"mpirun -np 3 (exit {three.returncode}) differs: {three.stdout[:500]} {three.stderr[:500]}")

# kill -9 of rank 1 once a few chunks are recorded, in a campaign of smaller chunks
CAMPAIGN += ["--chunk-size", "200"]
full = os.path.join(scratch, "full")
uninterrupted = run(MPI + ["-np", "3", exe, "verify", "--out", full, "--format", "json", "--report-dir", os.path.join(scratch, "rf")] + CAMPAIGN)
if uninterrupted.returncode != 0:
    sys.exit(f"mpirun -np 3 --chunk-size 200 exited {uninterrupted.returncode}: {uninterrupted.stderr[:300]}")
expected = rows(uninterrupted.stdout)
d = os.path.join(scratch, "campaign")
proc = subprocess.Popen(MPI + ["-np", "3", exe, "verify", "--out", d, "--report-dir", os.path.join(scratch, "rk")] + CAMPAIGN,
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def chunk_files(where):
    return {os.path.relpath(os.path.join(dp, f), where) for dp, _, fs in os.walk(os.path.join(where, "chunks")) for f in fs if not f.startswith(".")}


def recorded():
    return len(chunk_files(d))


def rank_pid(rank):
    for pid in os.listdir("/proc"):
        try:
            env = open(f"/proc/{pid}/environ", "rb").read().split(b"\0")
            stat = open(f"/proc/{pid}/stat").read()
        except (OSError, ValueError):
            continue
        if f"OMPI_COMM_WORLD_RANK={rank}".encode() in env and int(stat.rsplit(")", 1)[1].split()[1]) == proc.pid:
            return int(pid)
    return None


deadline = time.time() + 60
while time.time() < deadline and recorded() < 3:
    time.sleep(0.05)
victim = rank_pid(1)
before = recorded()
if victim is None:
    failures.append("rank 1 not found among mpirun's children")
else:
    os.kill(victim, signal.SIGKILL)
try:
    status = proc.wait(timeout=60)
except subprocess.TimeoutExpired:  # mpirun did not end the job: fail, and leave no rank behind
    os.killpg(proc.pid, signal.SIGKILL)
    status = proc.wait()
    failures.append("mpirun did not end within 60 s after rank 1 was killed")
after_kill = recorded()
print(f"killed rank 1 (pid {victim}) with {before} chunk(s) recorded; mpirun exited {status}, {after_kill} recorded")
resumed = run(MPI + ["-np", "2", exe, "verify", "--resume", d, "--format", "json", "--report-dir", os.path.join(scratch, "rr")])
if resumed.returncode != 0:
    failures.append(f"resume exited {resumed.returncode}: {resumed.stderr[:400]}")
else:
    got = rows(resumed.stdout)
    if got != expected:
        failures.append(f"resumed campaign differs:\n  {got}\n  {expected}")
    if chunk_files(d) != chunk_files(full):
        failures.append(f"chunk files after resume differ from an uninterrupted run's: {sorted(chunk_files(d) ^ chunk_files(full))}")
    if after_kill >= recorded() or status == 0:
        failures.append(f"the kill did not interrupt the campaign ({after_kill} recorded before resume, {recorded()} after, mpirun exit {status})")
    print("resumed:", got, f"({recorded()} chunk files)")

if failures:
    print("FAIL:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("ok")
