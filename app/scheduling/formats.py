"""Standard benchmark formats, read into the line planner's own model (`cpsat.Problem`).

- OR-Library job shop: first line "jobs machines", then one line per job of
  "machine time" pairs in processing order (machines numbered from 0). Comment lines
  starting with '#' and a leading instance title are tolerated.
- CSPLib problem 001 (car sequencing): "cars options classes"; a line of p per option;
  a line of q per option; then per class "id count flag flag ...". Each car becomes a
  job of one unit operation on a single "line" station, and each option a window rule,
  so the very same circuit/rank model that sequences the paint booth solves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.scheduling.cpsat import Job, Mode, Operation, Problem, Solution, WindowRule, solve


class FormatError(ValueError):
    """An instance file that cannot be read; the message names the line."""


def _numbers(text: str) -> list[tuple[int, list[int]]]:
    """(line number, integers) per non-empty line that is all integers."""
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            rows.append((n, [int(x) for x in line.split()]))
        except ValueError:
            if rows:  # a title line is allowed before the numbers, not inside them
                raise FormatError(f"line {n}: expected integers, got {line!r}") from None
    return rows


def read_jobshop(text: str) -> Problem:
    rows = _numbers(text)
    if not rows or len(rows[0][1]) < 2:
        raise FormatError("line 1: expected 'jobs machines'")
    n_jobs, n_machines = rows[0][1][:2]
    if len(rows) - 1 < n_jobs:
        raise FormatError(f"expected {n_jobs} job lines, found {len(rows) - 1}")
    jobs = []
    for j, (ln, nums) in enumerate(rows[1:1 + n_jobs]):
        if len(nums) != 2 * n_machines:
            raise FormatError(f"line {ln}: job {j} needs {n_machines} machine/time pairs, "
                              f"got {len(nums)} numbers")
        ops = []
        for k in range(n_machines):
            mach, dur = nums[2 * k], nums[2 * k + 1]
            if not 0 <= mach < n_machines or dur < 0:
                raise FormatError(f"line {ln}: pair {k + 1} ({mach} {dur}) is out of range")
            ops.append(Operation(f"j{j}o{k}", (Mode(f"m{mach}", dur),)))
        jobs.append(Job(f"j{j}", tuple(ops)))
    return Problem(jobs)


@dataclass(frozen=True)
class CarSeqInstance:
    cars: int
    p: list[int]
    q: list[int]
    classes: list[tuple[int, int, list[int]]]  # (id, count, option flags)

    def problem(self) -> tuple[Problem, dict[str, int]]:
        """The instance as a line problem; also each job's class."""
        jobs, cls_of = [], {}
        for cid, count, flags in self.classes:
            opts = frozenset(f"o{k}" for k, f in enumerate(flags) if f)
            for c in range(count):
                jid = f"c{cid}_{c}"
                jobs.append(Job(jid, (Operation(f"{jid}.op", (Mode("line", 1),)),),
                                options=opts))
                cls_of[jid] = cid
        rules = [WindowRule(f"o{k}", p, q) for k, (p, q) in enumerate(zip(self.p, self.q,
                                                                           strict=True))]
        # Cars are interchangeable beyond their class: spread classes in the base order
        # so arcs may connect any class to any other.
        jobs.sort(key=lambda j: (int(j.id.split("_")[1]), j.id))
        return Problem(jobs, horizon=len(jobs), sequence_station="line", rules=rules,
                       arc_span=len(jobs)), cls_of


def read_carseq(text: str) -> CarSeqInstance:
    rows = _numbers(text)
    if len(rows) < 3 or len(rows[0][1]) < 3:
        raise FormatError("line 1: expected 'cars options classes'")
    cars, n_opt, n_cls = rows[0][1][:3]
    (lp, p), (lq, q) = rows[1], rows[2]
    if len(p) != n_opt:
        raise FormatError(f"line {lp}: expected {n_opt} values of p, got {len(p)}")
    if len(q) != n_opt:
        raise FormatError(f"line {lq}: expected {n_opt} values of q, got {len(q)}")
    if len(rows) - 3 < n_cls:
        raise FormatError(f"expected {n_cls} class lines, found {len(rows) - 3}")
    classes = []
    for ln, nums in rows[3:3 + n_cls]:
        if len(nums) != 2 + n_opt or any(f not in (0, 1) for f in nums[2:]):
            raise FormatError(f"line {ln}: expected 'id count' and {n_opt} flags of 0/1")
        classes.append((nums[0], nums[1], nums[2:]))
    if sum(c[1] for c in classes) != cars:
        raise FormatError(f"the class counts add up to {sum(c[1] for c in classes)}, "
                          f"not {cars} cars")
    return CarSeqInstance(cars, p, q, classes)


def solve_jobshop(path: Path | str, time_limit: float = 10.0, workers: int = 2) -> Solution:
    return solve(read_jobshop(Path(path).read_text()), time_limit, workers=workers)


def solve_carseq(path: Path | str, time_limit: float = 10.0,
                 workers: int = 2) -> tuple[Solution, list[int]]:
    """The solution and its sequence as class ids (CSPLib's way to write one)."""
    inst = read_carseq(Path(path).read_text())
    problem, cls_of = inst.problem()
    sol = solve(problem, time_limit, workers=workers)
    return sol, [cls_of[j] for j in sol.sequence]
