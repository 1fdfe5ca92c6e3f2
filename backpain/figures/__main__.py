"""``python -m backpain.figures [folder]``: write every drawing and print the paths written.

Without an argument the drawings go to static/img/ (what ``make figures`` runs); with one,
to ``folder/exercises/`` and ``folder/anatomy/``, to compare or look at without touching static/.
"""

import sys
from pathlib import Path

from backpain.figures import write_all


def main(args: list[str]) -> int:
    if len(args) > 1 or (args and args[0].startswith("-")):
        print("usage: python -m backpain.figures [folder]", file=sys.stderr)
        return 2
    folder = Path(args[0]) if args else None
    for path in write_all(folder):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
