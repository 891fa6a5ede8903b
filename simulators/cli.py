"""``python -m simulators``: run a model from the command line.

    python -m simulators --list
    python -m simulators roi --defaults
    python -m simulators roi --json '{"ad_spend": 3000000}'
    echo '{"cpm": 30000}' | python -m simulators roi --json -

Stdout gets one JSON document; bad input gets exit status 2, one Indonesian
line per problem on stderr, and nothing on stdout.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from . import SIMULATORS, dumps, get, parse_json
from .errors import InputError, Problem

USAGE = """Pemakaian:
  python -m simulators --list
  python -m simulators NAMA --defaults
  python -m simulators NAMA --json '{"kunci": nilai}'
  python -m simulators NAMA --json -        (JSON dibaca dari stdin)"""


def _parse_args(argv: Sequence[str]) -> tuple[str, str | None, str | None]:
    """→ (action, name, json_text). Argument mistakes are Problems, not argparse's English."""
    args = list(argv)
    if args in (["-h"], ["--help"]):
        return "help", None, None
    if args == ["--list"]:
        return "list", None, None
    if not args or args[0].startswith("-"):
        raise InputError([Problem("perintah", "sebutkan nama simulator lebih dulu, atau --list (lihat --help)", args)])
    name, rest = args[0], args[1:]
    get(name)
    if rest == ["--defaults"]:
        return "run", name, None
    if len(rest) == 2 and rest[0] == "--json":
        return "run", name, rest[1]
    raise InputError([Problem("perintah", "setelah nama simulator pakai --defaults atau --json '{...}' (lihat --help)", rest)])


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    try:
        action, name, text = _parse_args(sys.argv[1:] if argv is None else argv)
        if action == "help":
            stdout.write(USAGE + "\n")
            return 0
        if action == "list":
            for simulator in SIMULATORS.values():
                stdout.write(f"{simulator.name}\t{simulator.title}\n")
            return 0
        if text == "-":
            text = stdin.read()
        assert name is not None  # "run" always names a simulator
        payload = {} if text is None else parse_json(text)
        # get(name).run, not run(): run() reads None as "all defaults", but the JSON
        # text `null` is not an object and must be refused like `[]` or `42`.
        document = dumps(get(name).run(payload))
    except InputError as error:
        for problem in error.problems:
            stderr.write(f"galat: {problem}\n")
        return 2
    stdout.write(document + "\n")
    return 0
