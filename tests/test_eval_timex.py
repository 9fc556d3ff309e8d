"""TimeML reading/writing and the TempEval-3 Task A scorer, on hand-made cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdossier.cli import main
from newsdossier.errors import InputError
from newsdossier.evaluate.timeml import parse_timeml, read_timeml, write_timeml
from newsdossier.evaluate.timex import match, score_corpus, score_dirs, score_document
from newsdossier.model import Timex

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>demo</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="1998-08-07" temporalFunction="false" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>
Bombs <EVENT eid="e1" class="OCCURRENCE">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> &amp; for <TIMEX3 tid="t2" type="DURATION" value="PT1H" mod="APPROX">about an hour</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_parse_timeml_reads_dct_text_and_offsets() -> None:
    doc = parse_timeml(TML)
    assert (doc.docid, doc.dct) == ("demo", "1998-08-07")
    assert doc.text == "\nBombs exploded Friday & for about an hour.\n"
    assert [(doc.text[t.start:t.end], t.type, t.value, t.mod) for t in doc.timexes] == [
        ("Friday", "DATE", "1998-08-07", None),
        ("about an hour", "DURATION", "PT1H", "APPROX"),
    ]


def test_write_timeml_round_trips() -> None:
    doc = parse_timeml(TML)
    again = parse_timeml(write_timeml(doc.text, doc.timexes, doc.dct, doc.docid))
    assert (again.docid, again.dct, again.text, again.timexes) == (doc.docid, doc.dct, doc.text, doc.timexes)


def test_parse_timeml_rejects_broken_markup() -> None:
    with pytest.raises(InputError):
        parse_timeml("<TimeML><TEXT>unclosed</TimeML>")


def _t(start: int, end: int, value: str = "2020", type_: str = "DATE") -> Timex:
    return Timex(start=start, end=end, text="x" * (end - start), type=type_, value=value)


GOLD = [_t(0, 10, "2020-11-10"), _t(20, 30, "P44D", "DURATION")]

# name, system timexes, expected (strict, relaxed, type_ok, value_ok, system)
SCORER_CASES = [
    ("perfect", [_t(0, 10, "2020-11-10"), _t(20, 30, "P44D", "DURATION")], (2, 2, 2, 2, 2)),
    ("partial overlap", [_t(0, 6, "2020-11-10"), _t(25, 35, "P44D", "DURATION")], (0, 2, 2, 2, 2)),
    ("missed", [_t(0, 10, "2020-11-10")], (1, 1, 1, 1, 1)),
    ("spurious", [_t(0, 10, "2020-11-10"), _t(20, 30, "P44D", "DURATION"), _t(40, 45)], (2, 2, 2, 2, 3)),
    ("wrong value", [_t(0, 10, "2021-11-10"), _t(20, 30, "P4D", "DATE")], (2, 2, 1, 0, 2)),
    ("one system span over two gold", [_t(0, 30, "2020-11-10")], (0, 1, 1, 1, 1)),
]


@pytest.mark.parametrize(("name", "system", "expected"), SCORER_CASES, ids=[c[0] for c in SCORER_CASES])
def test_score_document_counts(name: str, system: list[Timex], expected: tuple[int, ...]) -> None:
    c = score_document(GOLD, system)
    assert (c.strict, c.relaxed, c.type_ok, c.value_ok, c.system) == expected
    assert c.gold == 2


def test_score_corpus_value_f1_is_accuracy_times_relaxed_f1() -> None:
    s = score_corpus([(GOLD, [_t(0, 10, "2020-11-10"), _t(25, 35, "P4D", "DURATION"), _t(40, 45)])])
    assert s.strict_p == pytest.approx(1 / 3) and s.strict_r == pytest.approx(1 / 2)
    assert s.relaxed_p == pytest.approx(2 / 3) and s.relaxed_r == pytest.approx(1.0)
    assert s.relaxed_f1 == pytest.approx(0.8)
    assert s.value_accuracy == pytest.approx(0.5)
    assert s.value_f1 == pytest.approx(0.4)
    assert s.type_f1 == pytest.approx(0.8)


def test_score_corpus_with_nothing_is_zero_not_an_error() -> None:
    s = score_corpus([([], [])])
    assert (s.relaxed_f1, s.value_f1) == (0.0, 0.0)


def test_match_is_one_to_one_largest_overlap_first() -> None:
    gold = [_t(0, 10)]
    small, big = _t(0, 2), _t(0, 8)
    assert match(gold, [small, big]) == [(gold[0], big)]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_score_dirs_pairs_files_and_counts_missing_predictions_as_empty(tmp_path: Path) -> None:
    doc = parse_timeml(TML)
    _write(tmp_path / "gold" / "a.tml", TML)
    _write(tmp_path / "gold" / "b.tml", TML)
    _write(tmp_path / "pred" / "a.tml", write_timeml(doc.text, doc.timexes[:1], doc.dct))
    s = score_dirs(tmp_path / "gold", tmp_path / "pred")
    assert s.counts == {"gold": 4, "system": 1, "strict": 1, "relaxed": 1, "type_ok": 1, "value_ok": 1}


def test_cli_timex_tags_timeml_with_its_own_dct(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path / "doc.tml", TML)
    assert main(["timex", str(source), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["dct"] == "1998-08-07"
    assert [(t["text"], t["value"]) for t in out["timexes"]] == [("Friday", "1998-08-07"), ("about an hour", "PT1H")]


def test_cli_timex_prints_timeml_for_plain_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path / "a.txt", "The war ended on November 10, 2020, two days after Shusha fell.")
    assert main(["timex", str(source), "--dct", "2021-11-08", "--format", "timeml"]) == 0
    doc = parse_timeml(capsys.readouterr().out)
    assert doc.dct == "2021-11-08"
    assert [t.value for t in doc.timexes] == ["2020-11-10", "P2D"]


def test_cli_timex_missing_file_exits_2(tmp_path: Path) -> None:
    assert main(["timex", str(tmp_path / "nope.txt")]) == 2


def test_cli_eval_timex_scores_pred_and_own_tagger(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path / "gold" / "a.tml", TML)
    _write(tmp_path / "pred" / "a.tml", TML)
    assert main(["eval", "timex", "--gold", str(tmp_path / "gold"), "--pred", str(tmp_path / "pred"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["value_f1"] == pytest.approx(1.0)
    assert main(["eval", "timex", "--gold", str(tmp_path / "gold"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["value_f1"] == pytest.approx(1.0)


def test_read_timeml_missing_file_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        read_timeml(tmp_path / "missing.tml")
