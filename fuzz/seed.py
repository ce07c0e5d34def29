#!/usr/bin/env python3
"""Seeds the fuzz corpora from the shipped files (nothing here is committed: corpus/ is ignored).

    python3 fuzz/seed.py            # from the repository root, or from fuzz/

corpus/analyze: the example answers (examples/answers/*, benches/data/*) and every sample
answer in the banks (prompts/*.toml, question.example[].text); corpus/rubric: rubrics/*.toml;
corpus/bank: prompts/*.toml; corpus/drill: prompts/drills/*.toml. Banks and rubrics are also cut
into small files of the same shape (the header and one [[question]] or one [[rule]]), so a
`-max_len` below a whole file's size still starts from valid inputs. Files are named by content
hash, as libFuzzer names them, so running it twice adds nothing.
"""

import hashlib
import pathlib
import re
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"


def put(target: str, data: bytes) -> None:
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


def pieces(text: str, table: str) -> list[str]:
    """The text before the first `[[table]]`, followed by each `[[table]]` entry in turn (with
    its sub-tables such as `[[question.area]]`)."""
    starts = [m.start() for m in re.finditer(rf"^\[\[{table}\]\]\s*$", text, re.M)]
    if not starts:
        return []
    head = text[: starts[0]]
    ends = starts[1:] + [len(text)]
    return [head + text[a:b] for a, b in zip(starts, ends)]


def main() -> None:
    counts = {}
    for target, pattern in [
        ("rubric", "rubrics/*.toml"),
        ("bank", "prompts/*.toml"),
        ("drill", "prompts/drills/*.toml"),
        ("analyze", "examples/answers/*"),
        ("analyze", "benches/data/*.txt"),
    ]:
        for p in sorted(ROOT.glob(pattern)):
            put(target, p.read_bytes())
            counts[target] = counts.get(target, 0) + 1
    for target, pattern, table in [
        ("bank", "prompts/*.toml", "question"),
        ("rubric", "rubrics/*.toml", "rule"),
    ]:
        for p in sorted(ROOT.glob(pattern)):
            for piece in pieces(p.read_text(encoding="utf-8"), table):
                put(target, piece.encode("utf-8"))
                counts[target] += 1
    for p in sorted(ROOT.glob("prompts/*.toml")):
        bank = tomllib.loads(p.read_text(encoding="utf-8"))
        for q in bank.get("question", []):
            for ex in q.get("example", []):
                put("analyze", ex["text"].encode("utf-8"))
                counts["analyze"] += 1
    for target, n in sorted(counts.items()):
        print(f"corpus/{target}: {n} seed files")


if __name__ == "__main__":
    main()
