"""find_quantities and the newsdossier_quantities component, on a blank English tokenizer + sentencizer."""

from __future__ import annotations

import json
import math

import pytest
import spacy

from newsdossier.model import Timex
from newsdossier.nlp import extensions
from newsdossier.nlp.quantities import find_quantities, read_number
from newsdossier.nlp.quantities.find import APPROX_MARGIN, NEARLY_MARGIN


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


def _find(nlp, text, timexes=()):
    return list(find_quantities(nlp(text), timexes))


@pytest.mark.parametrize(
    "text, value",
    [
        ("2,908", 2908),
        ("3.25", 3.25),
        ("one million", 1e6),
        ("three", 3),
        ("a dozen", 12),
        ("two hundred and fifty thousand", 250_000),
        ("twenty-one", 21),
        ("7 billion", 7e9),
        ("1.5m", 1.5),  # a glued lower-case m is metres, read as a unit later
        ("30K", 30_000),
        ("$3bn", None),
        ("two-thirds", 2 / 3),
        ("3/4", 0.75),
        ("a trillionth", 1e-12),
        ("a hundred trillionths", 1e-10),
        ("twenty-three fifths", 4.6),
        ("one twenty-fifth", 1 / 25),
        ("three twenty firsts", 3 / 21),
        ("one hundred thirty fifths", 100 / 35),  # a tens word before a unit ordinal belongs to it
        ("one hundred and thirty fifths", 130 / 5),  # unless "and" ties it to the numerator
        ("one one hundred and fifth", 1 / 105),
        ("two and fifty-four hundredths", 2.54),
        ("two hundred and fifty-four hundredths", 200.54),
        ("five - eighths", 0.625),
        ("3 million and a half", 3.5e6),
        ("a fifth case", None),  # a rank before a noun
        ("a second", None),
        ("a nineteenth-century house", None),  # a rank in a compound adjective
        ("three lakh crore", 3e12),  # a scale of a scale
        ("2 lakh crore", 2e12),
        ("a thousand million", 1e9),
        ("two hundred point seventy-one", 200.71),  # the digits of one number after "point"
        ("nought point nought three", 0.03),
        ("1/100th", 0.01),
        ("all for naught", None),  # "naught" is a number only before "point"
        ("1.2b", 1.2e9),
        ("2mil", 2e6),
        ("$1MM", None),
        ("1MM", 1e6),
        ("1mm", 1),  # millimetres, read as a unit later
        ("1b", 1),  # a label letter, not a billion
    ],
)
def test_read_number_values(text, value):
    match = read_number(text, 0)
    if value is None:
        assert match is None
    else:
        assert match is not None and math.isclose(match.value, value)


@pytest.mark.parametrize(
    "text, surface, value, low, high, bounds, unit",
    [
        ("It liberated more than 300 settlements.", "more than 300", 300, 300, None, "(]", None),
        ("It freed nearly 300 villages.", "nearly 300", 300, 300 * (1 - NEARLY_MARGIN), 300, "[)", None),
        ("It housed about 300 people.", "about 300", 300, 300 * (1 - APPROX_MARGIN), 300 * (1 + APPROX_MARGIN), "[]", None),
        ("They hired at least 40 guards.", "at least 40", 40, 40, None, "[]", None),
        ("They hired up to 40 guards.", "up to 40", 40, None, 40, "[]", None),
        ("Fewer than 40 guards came.", "Fewer than 40", 40, None, 40, "[)", None),
        ("Some 40 guards came.", "Some 40", 40, 36, 44, "[]", None),
        ("Dozens of guards came.", "Dozens", 24, 24, 144, "[)", None),
        ("It cost $7 billion to rebuild.", "$7 billion", 7e9, 7e9, 7e9, "[]", "dollar"),
        ("Prices rose 20 percent in May.", "20 percent", 20, 20, 20, "[]", "percentage"),
        ("Prices rose 20% in May.", "20%", 20, 20, 20, "[]", "percentage"),
        ("It takes 5 to 10 minutes.", "5 to 10 minutes", 5, 5, 10, "[]", "minute"),
        ("It takes 5-10 minutes.", "5-10 minutes", 5, 5, 10, "[]", "minute"),
        ("It holds between 5 and 10 people.", "between 5 and 10", 5, 5, 10, "[]", None),
        ("Transfers between ∼−2 and 500 meV.", "between ∼−2 and 500 meV", -2, -2, 500, "[]", "millielectronvolt"),
        ("A 1,444-foot flag flew.", "1,444-foot", 1444, 1444, 1444, "[]", "foot"),
        ("It weighs 200lbs.", "200lbs", 200, 200, 200, "[]", "pound-mass"),
        ("It was 30 °C outside.", "30 °C", 30, 30, 30, "[]", "degree Celsius"),
        ("The 44-day war ended.", "44-day", 44, 44, 44, "[]", "day"),
        ("It froze at −109 °C.", "−109 °C", -109, -109, -109, "[]", "degree Celsius"),
        ("It was heated to 300±15 °C.", "300±15 °C", 300, 285, 315, "[]", "degree Celsius"),
        ("It moved at 7.2 km s−1 there.", "7.2 km s−1", 7.2, 7.2, 7.2, "[]", "km s−1"),
        ("Its modulus rose from 38 MPa to 185 MPa.", "from 38 MPa to 185 MPa", 38, 38, 185, "[]", "megapascal"),
        ("The score is 200 or greater.", "200 or greater", 200, 200, None, "[]", None),
        ("x is more than 10 and less than 40.", "more than 10 and less than 40", 10, 10, 40, "()", None),
        ("Find numbers less than or equal to 100.", "less than or equal to 100", 100, None, 100, "[]", None),
        ("Is it still the case when <= -30", "<= -30", -30, None, -30, "[]", None),  # a sign, not a gallery index
        ("The range is 1000 – 5000 units.", "1000 – 5000", 1000, 1000, 5000, "[]", None),
        ("Hundreds of families returned.", "Hundreds", 200, 200, 1000, "[)", None),
        ("It costs 10 € now.", "10 €", 10, 10, 10, "[]", "euro"),
        ("The density was 260 kg/m3 there.", "260 kg/m3", 260, 260, 260, "[]", "kilogram per cubic metre"),
        ("It heated at 4 °C/min then.", "4 °C/min", 4, 4, 4, "[]", "degree Celsius per minute"),
        ("It injected 1 Mt/yr of gas.", "1 Mt/yr", 1, 1, 1, "[]", "megatonne per year"),
        ("It drove at 50 kilometres per hour.", "50 kilometres per hour", 50, 50, 50, "[]", "kilometre per hour"),
        ("Pores of 0.4 mm2 held water.", "0.4 mm2", 0.4, 0.4, 0.4, "[]", "square millimetre"),
        ("A plot of 2 × 2 m was surveyed.", "2 × 2 m", 2, 2, 2, "[]", "metre"),
        ("Scans of 4 × 4 × 5 mm were taken.", "4 × 4 × 5 mm", 4, 4, 4, "[]", "millimetre"),
        ("A field of 640 m × 320 m was used.", "640 m × 320 m", 640, 640, 640, "[]", "metre"),
        ("He is 5 feet 2 inches tall.", "5 feet 2 inches", 5 + 2 / 12, 5 + 2 / 12, 5 + 2 / 12, "[]", "foot"),
        ("The temperature is 24 degrees today.", "24 degrees", 24, 24, 24, "[]", "degree"),
        ("Turn the wheel 90 degrees.", "90 degrees", 90, 90, 90, "[]", "degree angle"),
        ("Temperatures fell at latitude 78° in the model.", "78°", 78, 78, 78, "[]", "degree angle"),
        ("Water boils at 100° Celsius.", "100° Celsius", 100, 100, 100, "[]", "degree Celsius"),
        ("It only cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, 3.5, 3.5, "[]", "dollar"),
        ("It costs 15 dollars and 50.", "15 dollars and 50", 15.5, 15.5, 15.5, "[]", "dollar"),
        ("They lost 75 USD million last year.", "75 USD million", 75e6, 75e6, 75e6, "[]", "dollar"),
        ("Sales rose to 120 MEUR last year.", "120 MEUR", 120e6, 120e6, 120e6, "[]", "euro"),
        ("It is worth twenty and three fifths.", "twenty and three fifths", 20.6, 20.6, 20.6, "[]", None),
        ("There are five and a half million fish.", "five and a half million", 5.5e6, 5.5e6, 5.5e6, "[]", None),
        ("They have two million and three fifths.", "two million and three fifths", 2.6e6, 2.6e6, 2.6e6, "[]", None),
    ],
)
def test_find_quantities_reads_bounds_and_units(nlp, text, surface, value, low, high, bounds, unit):
    (q,) = _find(nlp, text)
    assert (q.text, q.unit, q.bounds) == (surface, unit, bounds)
    assert text[q.start : q.end] == q.text
    assert math.isclose(q.value, value)
    for got, want in ((q.low, low), (q.high, high)):
        assert (got is None and want is None) or math.isclose(got, want)


@pytest.mark.parametrize(
    "text, counted, predicate",
    [
        ("The army liberated more than 300 occupied settlements.", "settlements", "liberated"),
        ("The right of about one million Azerbaijani IDPs was ensured.", "IDPs", "ensured"),
        ("At least 40 people were killed on Monday.", "people", "killed"),
        ("The death toll rose to 45 on Tuesday.", "deaths", "rose"),
        ("Twenty were wounded.", "wounded", "wounded"),
        ("The country lost 2,908 martyrs in the war.", "martyrs", "lost"),
        ("Yesterday 300 people died in the floods.", "people", "died"),
        ("Azerbaijan spent $7 billion for the reconstruction.", None, "spent"),
        ("Hundreds of families returned home.", "families", "returned"),
    ],
)
def test_find_quantities_counted_and_predicate(nlp, text, counted, predicate):
    q = _find(nlp, text)[0]
    assert (q.counted, q.predicate) == (counted, predicate)


def test_find_quantities_enumeration_gives_each_part(nlp):
    found = _find(nlp, "The army liberated 5 cities, 4 towns, and 286 villages from occupation.")
    assert [(q.value, q.counted) for q in found] == [(5, "cities"), (4, "towns"), (286, "villages")]


@pytest.mark.parametrize(
    "text, surface, low, high",
    [("Amounts of 2, 5 and 10 μg were loaded.", "2, 5 and 10 μg", 2, 10), ("Beads of 1.5 mm and 8.5 mm.", "1.5 mm and 8.5 mm", 1.5, 8.5)],
)
def test_find_quantities_unit_list_is_one_list_quantity(nlp, text, surface, low, high):
    (q,) = _find(nlp, text)
    assert (q.text, q.qualifier, q.low, q.high) == (surface, "list", low, high)


def test_find_quantities_respectively_keeps_list_items_apart(nlp):
    found = _find(nlp, "Spacing was 2° and 10° in latitude and longitude, respectively.")
    assert [(q.text, q.qualifier) for q in found] == [("2°", None), ("10°", None)]


@pytest.mark.parametrize(
    "text, units",
    [
        ("They occur on 9.8 and 3.4% of orbits.", ["percentage", "percentage"]),
        ("Values of 22 and 0.22 ppm respectively.", ["part per million", "part per million"]),
    ],
)
def test_find_quantities_bare_number_shares_the_unit_after_it(nlp, text, units):
    assert [q.unit for q in _find(nlp, text)] == units


def test_find_quantities_multiplier_is_what_is_counted(nlp):
    (q,) = _find(nlp, "The new sensor is 16 times faster.")
    assert (q.value, q.unit, q.counted) == (16, None, "times")


def test_find_quantities_share_is_one_proportion(nlp):
    (q,) = _find(nlp, "One in five adults smoke.")
    assert (q.text, q.value, q.qualifier) == ("One in five", 0.2, "share")


def test_find_quantities_conversion_is_one_measurement(nlp):
    first, second = _find(nlp, "Students carried a 440-meter (1,444-foot) flag of Azerbaijan.")
    assert (first.unit, first.same_as) == ("metre", None)
    assert (second.unit, second.same_as, second.counted) == ("foot", first.start, "flag")


@pytest.mark.parametrize(
    "text",
    [
        "The war began on Sept. 27, 2020, at dawn.",
        "It was signed on November 10, 2020 in Moscow.",
        "Nov 8, 2024 10:33 100",
        "2023-11-08 16:51:00 | Last Update : 2023-11-08 17:02:00",
        "COVID-19 reached the G7 before the Su-25 crashed.",
        "Call 555-123-4567 or see https://example.com/page/2024/11/8.",
        "November 8 - Azerbaijan's Victory Day  - 1",
        "It was the 2nd Karabakh War.",
        "After losing its lands in 1992-93, it grew.",
        "Room 12 and Resolution 884 and No. 5 were cited.",
        "A three-way process and a five-star hotel.",
        "See Figs. 2 and 5 and phases 3, 5, 7 in Table 1f.",
        "Uptake of [11C]PK11195 as in Mg(ClO4)2 was cited [12].",
        "For one, it is the measured one that matters.",
        "He lives at 10 Downing Street and flew a Boeing 737 with Windows 11 on an iPhone 15.",
        "It was debated in the 1990s, 24/7, after 9/11.",
        "Real Madrid won 3-2 on Sunday.",
        "Posted 2 hours ago | 1.2K views | 34 comments",
        "Staining rose (Fig. 3C) and in Figures 1A–1F.",
        "It trapped 12C-enriched carbon, dated by 40Ar/39Ar.",
        "The marker caspase-3 rose in category-4 cells.",
        "Scores differed (t(39) = x) at phases 3, 5, and 7 in months 5 and 7 (26,29,49).",
        "The upper half of the figure and the first half of the match.",
        "(1) the diameter is smaller, and (2) the functions (13) are used.",
        "The well (57°44’8.47”N; 1°50’26.59”E) lies at 40° 26′ 46″ N, 79° 58′ 56″ W.",
        "Core 22/10a-4 was cut; P3HT is poly(3-hexylthiophene-2,5-diyl) with [6,6]-phenyl groups.",
        "N3− sits on the (1/2, 1/2, 1/2) site and on {111} planes, with u = −2sin(t).",
        "Scans over 2θ and an apparent 30ε deviate by 2σ from HNF-4α (Eqs. (9.2) and (9.10)).",
        "Power from turbine 4 fell as reactor 3 and clone 23 failed.",
    ],
)
def test_find_quantities_ignores_dates_times_codes_and_counters(nlp, text):
    assert _find(nlp, text) == []


def test_find_quantities_date_timex_blocks_but_duration_does_not(nlp):
    text = "Within 44 days, on 8 November, it ended."
    timexes = [Timex(7, 14, "44 days", "DURATION", "P44D"), Timex(19, 29, "8 November", "DATE", "2020-11-08")]
    found = _find(nlp, text, timexes)
    assert [(q.text, q.unit) for q in found] == [("44 days", "day")]


def test_find_quantities_scope_from_date_timex_else_dct(nlp):
    doc = nlp("On 3 May the toll reached 40 deaths. Later it reached 50 deaths.")
    doc.user_data["dct"] = "2024-05-04"
    first, second = find_quantities(doc, [Timex(3, 8, "3 May", "DATE", "2024-05-03")])
    assert (first.scope, second.scope) == ("2024-05-03", "2024-05-04")


def test_component_writes_span_group(nlp):
    import newsdossier.nlp.quantities.component  # noqa: F401  (registers the factory)

    extensions.register()
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("newsdossier_quantities")
    doc = pipeline("It liberated more than 300 settlements in 2020.")
    spans = list(doc.spans["quantities"])
    assert [s.text for s in spans] == ["more than 300"]
    assert spans[0]._.quantity.low == 300


def test_quantities_command_writes_one_line_per_input(capsys, tmp_path):
    import argparse

    from newsdossier.nlp.quantities.commands import add_commands

    parser = argparse.ArgumentParser()
    add_commands(parser.add_subparsers(dest="command"), argparse.ArgumentParser().add_subparsers())  # not via cli.main:
    # that imports every command module, and this test should fail only for this one
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "It lost 20 percent."}\nNearly 300 villages.\n', encoding="utf-8")
    args = parser.parse_args(["quantities", str(source), "--format", "jsonl"])
    assert args.handler(args) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in lines] == ["a", 1]
    assert lines[0]["quantities"][0]["unit"] == "percentage"
    assert lines[1]["quantities"][0]["high"] == 300


NOISE = [*"0123456789 ,.-–−/%$€£()[]~∼±×x^eEkKmMbB\n:;+<>=", "about ", "more than ", "million ", "one ", "half ",
         "and ", "to ", "between ", "dozen ", "people ", "km ", "°C ", "10−5 ", "or more ", "nearly ", "½"]


def test_find_quantities_offsets_and_bounds_hold_on_noise(nlp):
    import random

    from newsdossier.link.claims import build_claims
    from newsdossier.model import Annotated, Document

    rng = random.Random(7)
    for n in range(400):
        text = "".join(rng.choice(NOISE) for _ in range(rng.randint(1, 40)))
        found = _find(nlp, text)
        for q in found:
            assert text[q.start : q.end] == q.text and q.start < q.end
            assert q.low is None or q.high is None or q.low <= q.high
        document = Document(str(n), "p", None, None, None, None, None, text)
        build_claims([Annotated(document, (), (), quantities=tuple(found))], [])


@pytest.mark.parametrize(
    "text, found",
    [
        ("The odds are one over three.", [("one over three", 1 / 3)]),
        ("The answer is negative one over 20", [("negative one over 20", -0.05)]),
        ("I want to earn $2000 over 3 years.", [("$2000", 2000), ("over 3 years", 3)]),  # an amount and a period
    ],
)
def test_find_quantities_fraction_read_aloud_ends_its_clause(nlp, text, found):
    assert [(q.text, pytest.approx(q.value)) for q in _find(nlp, text)] == found


@pytest.mark.parametrize(
    "text, surface",
    [
        ("In Fig. 10, 350 electrons were injected.", "350"),  # a singular label cue lists no figures after a comma
        ("The probe flew by Enceladus 14 times.", "14"),  # a multiplier after a name is a count, not a model number
        ("Bands lie in the region 1065–1280 cm−1 here.", "1065–1280 cm−1"),  # a compound unit is a unit after a cue
        ("The ratio was 1.34 (95% CI 1.11–1.62).", "1.11–1.62"),
    ],
)
def test_find_quantities_figure_after_a_label_like_word(nlp, text, surface):
    assert surface in [q.text for q in _find(nlp, text)]


@pytest.mark.parametrize(
    "text, found",
    [
        ("$ 20,000.00 $ 37,305.97 february expenses", [("$ 20,000.00", "dollar"), ("$ 37,305.97", "dollar")]),
        ("Operating profit improved to 361 million pounds.", [("361 million pounds", "pound sterling")]),
        ("The barge carried 361 million pounds of coal.", [("361 million pounds", "pound-mass")]),
        ("He weighs 200 pounds.", [("200 pounds", "pound-mass")]),
        ("Her weight loss of 20 pounds was praised.", [("20 pounds", "pound-mass")]),  # weight outweighs a money word
        ("It only cost thirteen dollars forty five.", [("thirteen dollars forty five", "dollar")]),
        ("Change 10 rmb 20 usd", [("10 rmb", "yuan"), ("20 usd", "dollar")]),
        ("The plot is 24703m2", [("24703m2", "square metre")]),
        ("It costs USD115.5 now.", [("USD115.5", "dollar")]),  # a currency code glued to the digits
    ],
)
def test_find_quantities_currency_and_unit_edges(nlp, text, found):
    assert [(q.text, q.unit) for q in _find(nlp, text)] == found


@pytest.mark.parametrize(
    "text, surface, low, high",
    [("Samples sat at pH 7–8 overnight.", "pH 7–8", 7, 8), ("Water with a pH of 4.5 is acidic.", "pH of 4.5", 4.5, 4.5)],
)
def test_find_quantities_ph_is_a_unit_written_first(nlp, text, surface, low, high):
    (q,) = _find(nlp, text)
    assert (q.text, q.unit, q.low, q.high) == (surface, "pH", low, high)


@pytest.mark.parametrize(
    "text, unit",
    [("The weight is 20 (kg)", "kilogram"), ("The weight is 20 [kg]", "kilogram"), ("It weighs 5 (US) here.", None), ("It weighs 4 (m) here.", None)],
)
def test_find_quantities_unit_alone_in_brackets_after_the_figure(nlp, text, unit):
    (q,) = _find(nlp, text)
    assert q.unit == unit


@pytest.mark.parametrize(
    "text, found",
    [
        ("It was 25C in Paris.", [("25C", "degree Celsius")]),
        ("A 30C heatwave hit.", [("30C", "degree Celsius")]),
        ("Highs of 14C are expected.", [("14C", "degree Celsius")]),
        ("It was dated by 14C dating.", []),  # an isotope
        ("The 13F filing provides data.", []),  # a form
    ],
)
def test_find_quantities_bare_glued_c_or_f_is_a_temperature_unless_it_names_a_thing(nlp, text, found):
    assert [(q.text, q.unit) for q in _find(nlp, text)] == found


@pytest.mark.parametrize(
    "text, unit, counted",
    [
        ("Densities were greater than 1000 stems/ha there.", "stems per hectare", "stems"),
        ("It killed 12 people per day.", "people per day", "people"),
        ("He scored 3 goals per game.", None, "goals"),  # a game is no unit of measure
    ],
)
def test_find_quantities_count_per_unit_is_a_rate(nlp, text, unit, counted):
    (q,) = _find(nlp, text)
    assert (q.unit, q.counted) == (unit, counted)
