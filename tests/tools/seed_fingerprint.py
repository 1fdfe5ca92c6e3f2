"""Rebuild tests/seed_fingerprint.txt from the seed articles: `make seed-fingerprint`.

The copied-words test (tests/test_content_words.py) must run wherever the repository is cloned, and
the seed articles are not ours to copy into it. So it keeps their fingerprint instead: the hash of
every run of 8 words (normalised as the test normalises the guide), sorted, never the words.

    python tests/tools/seed_fingerprint.py [SEED_FOLDER]    (default: ../shared/seeds/)
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEADER = """\
# The fingerprint of the seed articles (the five articles the guide was written from, kept outside
# this repository in ../shared/seeds/): 16 hex digits of the SHA-256 of every run of {n} words,
# lower case, punctuation dropped (tests/content_text.py). Never their text.
# Rebuilt by `make seed-fingerprint`; read by tests/test_content_words.py.
# {files} seed files, {count} runs.
"""


def build(folder: Path, n: int) -> tuple[list[str], int]:
    from tests import content_text

    seeds = sorted(path for path in folder.iterdir() if path.is_file())
    if not seeds:
        raise SystemExit(f"No seed articles in {folder}")
    hashes = set()
    for path in seeds:
        hashes |= content_text.fingerprint(path.read_text(encoding="utf-8"), n)
    return sorted(hashes), len(seeds)


def main(argv: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from tests import content_text
    from tests.test_content_words import RUN

    folder = Path(argv[0]) if argv else ROOT.parent / "shared" / "seeds"
    if not folder.is_dir():
        raise SystemExit(f"The seed articles are not in {folder}: give their folder, "
                         "for example `make seed-fingerprint SEEDS=path/to/seeds`.")
    hashes, files = build(folder, RUN)
    content_text.SEED_FINGERPRINT.write_text(
        HEADER.format(n=RUN, files=files, count=len(hashes)) + "\n".join(hashes) + "\n", encoding="utf-8")
    print(f"{content_text.SEED_FINGERPRINT.relative_to(ROOT)}: {len(hashes)} runs of {RUN} words "
          f"from {files} files in {folder}")


if __name__ == "__main__":
    main(sys.argv[1:])
