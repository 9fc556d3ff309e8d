"""Word lists and unit tables the quantity extractor and the claim linker read. Data only, no logic.

Units map every written form (lower-cased, except where case matters) to one canonical name; the
canonical names follow quantulum3's spelling where one exists ("metre", "percentage", "dollar") so
scores compare like with like. ``UNIT_KINDS`` says which kind of measure each canonical unit is.
"""

from __future__ import annotations

# --- numbers written as words ---------------------------------------------------------------

SMALL_NUMBERS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}

# Multipliers that follow a number ("two hundred", "7 billion", "1.5m", "$3bn").
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "crore": 1e7,
}
# Abbreviated scales glued to digits or following them; only read after a digit.
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9,
    "tn": 1e12, "trn": 1e12, "tln": 1e12, "mil": 1e6, "mm": 1e6,
}
# Abbreviations that are scales only as written here ("30K", "$5M", "$1MM"; "5m" is metres, "5mm" millimetres),
# and "b" only after a decimal point ("1.2b"; "1b" is a label).
CASED_SCALE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {"k": ("k", "K"), "m": ("M",), "b": ("B",), "mm": ("MM",)}

# Words standing for a number on their own ("a dozen", "half").
NUMBER_NOUNS: dict[str, float] = {"dozen": 12, "score": 20, "half": 0.5, "quarter": 0.25}

FRACTION_WORDS: dict[str, float] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
    "twentieth": 20, "twentieths": 20, "thirtieth": 30, "thirtieths": 30, "hundredth": 100, "hundredths": 100,
    "thousandth": 1000, "thousandths": 1000, "millionth": 1e6, "millionths": 1e6,
}

# Ordinals as the denominator of a spelled fraction ("three fifths", "a trillionth", "one twenty-fifth",
# "three twenty-firsts"); the plural adds "s". "first" and "second" only close a compound ("a twenty-first"):
# alone they are ranks, or a unit of time ("a second").
ORDINAL_NUMBERS: dict[str, float] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 1e2, "thousandth": 1e3, "millionth": 1e6,
    "billionth": 1e9, "trillionth": 1e12,
}
COMPOUND_ONLY_ORDINALS: frozenset[str] = frozenset({"first", "second"})

UNICODE_FRACTIONS: dict[str, float] = {
    "½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
    "⅕": 0.2, "⅖": 0.4, "⅗": 0.6, "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅐": 1 / 7, "⅑": 1 / 9, "⅒": 0.1,
}

# Vague plurals: "dozens of", "hundreds of" → interval [low, high).
VAGUE_AMOUNTS: dict[str, tuple[float, float]] = {
    "dozens": (24, 144), "scores of": (40, 200), "hundreds": (200, 1_000), "thousands": (2_000, 1_000_000),
    "tens of thousands": (20_000, 100_000), "hundreds of thousands": (200_000, 1_000_000),
    "millions": (2_000_000, 1_000_000_000), "billions": (2e9, 1e12),
}

# --- hedges -----------------------------------------------------------------------------------
# kind: "gt" (exclusive lower bound), "ge", "lt" (exclusive upper bound), "le",
# "nearly" (just below the number), "approx" (either side of it).

HEDGES: dict[str, str] = {
    "more than": "gt", "over": "gt", "above": "gt", "in excess of": "gt", "upwards of": "gt",
    "greater than": "gt", "larger than": "gt", "bigger than": "gt", "higher than": "gt", "exceeding": "gt",
    "at least": "ge", "no fewer than": "ge", "no less than": "ge", "not less than": "ge",
    "a minimum of": "ge", "as many as": "le", "as much as": "le", "or more": "ge",
    "fewer than": "lt", "less than": "lt", "under": "lt", "below": "lt", "lower than": "lt",
    "smaller than": "lt", "up to": "le", "at most": "le", "no more than": "le", "not more than": "le",
    "a maximum of": "le", "a max of": "le", "or less": "le", "or fewer": "le",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "just shy of": "nearly", "short of": "nearly", "not quite": "nearly",
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "circa": "approx",
    "approx.": "approx", "approx": "approx", "ca.": "approx", "~": "approx", "∼": "approx", "≈": "approx",
    "an approximate": "approx", "almost exactly": "approx", "nearly exactly": "approx",
    "more or less": "approx", "some estimated": "approx", "just over": "gt", "well over": "gt",
    ">": "gt", "≥": "ge", ">=": "ge", "<": "lt", "≤": "le", "<=": "le",
}
# Hedges written after the number ("300 or more").
# Hedges written after the number ("300 or more").
TRAILING_HEDGE_KINDS: dict[str, str] = {
    "or more": "ge", "or less": "le", "or fewer": "le", "and more": "ge", "and above": "ge", "plus": "ge",
    "or greater": "ge", "or above": "ge", "or higher": "ge", "or over": "ge", "or greater than": "ge",
    "or more than": "ge", "or lower": "le", "or below": "le", "or under": "le",
    "or less than": "le", "and up": "ge", "and over": "ge", "and below": "le", "and under": "le",
}
TRAILING_HEDGES: tuple[str, ...] = tuple(sorted(TRAILING_HEDGE_KINDS, key=len, reverse=True))

# Comparisons spelled out, as more leading hedges.
HEDGES.update({
    "less than or equal to": "le", "greater than or equal to": "ge", "more than or equal to": "ge",
    "smaller or equal than": "le", "smaller than or equal to": "le", "larger or equal than": "ge",
    "larger than or equal to": "ge", "higher or equal than": "ge", "bigger or equal than": "ge",
    "lower or equal than": "le", "less or equal than": "le", "greater or equal than": "ge",
    "at least or equal to": "ge", "equal to or less than": "le", "equal to or more than": "ge",
    "equal to or greater than": "ge", "equal to or fewer than": "le", "exceed": "gt", "exceeds": "gt",
    "exceeded": "gt", "surpass": "gt", "surpasses": "gt", "surpassed": "gt", "topping": "gt",
    "< =": "le", "> =": "ge", "=<": "le", "=>": "ge", "more than about": "gt", "well under": "lt",
    "well below": "lt", "just below": "nearly", "upward of": "gt", "north of": "gt", "south of": "lt",
    "nearly half": "nearly",
})

# --- units and currencies ---------------------------------------------------------------------

# Currency written before the number: symbol or code → canonical name.
CURRENCY_PREFIXES: dict[str, str] = {
    "$": "dollar", "us$": "dollar", "usd": "dollar", "a$": "dollar", "c$": "dollar", "hk$": "dollar",
    "€": "euro", "eur": "euro", "£": "pound sterling", "gbp": "pound sterling", "¥": "yen",
    "jpy": "yen", "₹": "rupee", "rs": "rupee", "rs.": "rupee", "inr": "rupee", "₽": "ruble", "rub": "ruble",
    "₺": "lira", "try": "lira", "₼": "manat", "azn": "manat", "cny": "yuan", "rmb": "yuan", "chf": "franc",
    "₩": "won", "krw": "won", "₴": "hryvnia", "uah": "hryvnia", "usd$": "dollar", "aud$": "dollar",
    "au$": "dollar", "cad$": "dollar", "ca$": "dollar", "nzd$": "dollar", "nz$": "dollar", "s$": "dollar",
    "mxn$": "peso", "mex$": "peso", "r$": "real", "₿": "bitcoin",
}
# Currency codes with a scale letter, as financial reports write them: "120 MEUR", "30 MUSD", "5 kEUR".
SCALED_CURRENCY_CODES: dict[str, tuple[float, str]] = {
    "musd": (1e6, "dollar"), "meur": (1e6, "euro"), "mgbp": (1e6, "pound sterling"), "mchf": (1e6, "franc"),
    "kusd": (1e3, "dollar"), "keur": (1e3, "euro"), "kgbp": (1e3, "pound sterling"), "busd": (1e9, "dollar"),
    "beur": (1e9, "euro"), "mrd eur": (1e9, "euro"),
}
# Currencies counted in hundredths: "3 dollars 50 cents" is 3.5 dollars.
CENT_CURRENCIES: frozenset[str] = frozenset({"dollar", "euro"})

# Unit written after the number (case-insensitive unless in CASED_UNITS) → canonical name.
UNITS: dict[str, str] = {
    # money
    "dollar": "dollar", "dollars": "dollar", "usd": "dollar", "cent": "cent", "cents": "cent",
    "euro": "euro", "euros": "euro", "eur": "euro", "pound sterling": "pound sterling",
    "pounds sterling": "pound sterling", "sterling": "pound sterling", "yen": "yen", "yuan": "yuan",
    "renminbi": "yuan", "rupee": "rupee", "rupees": "rupee", "ruble": "ruble", "rubles": "ruble",
    "rouble": "ruble", "roubles": "ruble", "manat": "manat", "manats": "manat", "lira": "lira",
    "liras": "lira", "franc": "franc", "francs": "franc", "peso": "peso", "pesos": "peso",
    "won": "won", "hryvnia": "hryvnia", "hryvnias": "hryvnia", "dram": "dram", "drams": "dram",
    "rand": "rand", "real": "real", "reais": "real", "shekel": "shekel", "shekels": "shekel",
    "dinar": "dinar", "dinars": "dinar", "riyal": "riyal", "riyals": "riyal", "rial": "rial",
    "rials": "rial", "dirham": "dirham", "dirhams": "dirham", "krona": "krona", "kronor": "krona",
    "krone": "krone", "kroner": "krone", "zloty": "zloty", "naira": "naira", "bitcoin": "bitcoin",
    "bitcoins": "bitcoin", "pence": "penny", "penny": "penny", "markka": "markka", "btc": "bitcoin",
    "satoshi": "satoshi", "satoshis": "satoshi", "₡": "colón", "colón": "colón", "colones": "colón",
    "guilder": "guilder", "guilders": "guilder", "peseta": "peseta", "pesetas": "peseta", "kip": "kip",
    "lari": "lari", "baht": "baht", "ringgit": "ringgit", "rupiah": "rupiah", "tenge": "tenge",
    # currency symbols written after the number ("10 €", "100元")
    "€": "euro", "$": "dollar", "£": "pound sterling", "¥": "yen", "元": "yuan", "₹": "rupee", "₽": "ruble",
    "₺": "lira", "₼": "manat", "₴": "hryvnia", "₩": "won", "₭": "kip", "₾": "lari", "฿": "baht", "ரூ": "rupee",
    # percent
    "%": "percentage", "percent": "percentage", "per cent": "percentage", "pct": "percentage",
    "percents": "percentage", "percentage": "percentage", "percentages": "percentage",
    "percentage points": "percentage point", "percentage point": "percentage point",
    "basis points": "basis point", "basis point": "basis point", "bps": "basis point",
    # length
    "m": "metre", "meter": "metre", "meters": "metre", "metre": "metre", "metres": "metre",
    "km": "kilometre", "kms": "kilometre", "kilometer": "kilometre", "kilometers": "kilometre",
    "kilometre": "kilometre", "kilometres": "kilometre", "cm": "centimetre", "centimeter": "centimetre",
    "centimeters": "centimetre", "centimetre": "centimetre", "centimetres": "centimetre",
    "mm": "millimetre", "millimeter": "millimetre", "millimeters": "millimetre", "millimetre": "millimetre",
    "millimetres": "millimetre", "µm": "micrometre", "μm": "micrometre", "um": "micrometre",
    "micron": "micrometre", "microns": "micrometre", "micrometer": "micrometre", "micrometers": "micrometre",
    "nm": "nanometre", "nanometer": "nanometre", "nanometers": "nanometre", "nanometres": "nanometre",
    "ft": "foot", "foot": "foot", "feet": "foot", "in": "inch", "inch": "inch", "inches": "inch",
    "mi": "mile", "mile": "mile", "miles": "mile", "yd": "yard", "yard": "yard", "yards": "yard",
    "nautical mile": "nautical mile", "nautical miles": "nautical mile", "light years": "light year",
    "light-years": "light year", "light year": "light year",
    # area
    "km2": "square kilometre", "km²": "square kilometre", "sq km": "square kilometre",
    "square kilometers": "square kilometre", "square kilometres": "square kilometre",
    "square kilometer": "square kilometre", "square kilometre": "square kilometre",
    "m2": "square metre", "m²": "square metre", "square meters": "square metre", "square metres": "square metre",
    "square meter": "square metre", "square metre": "square metre", "sq m": "square metre",
    "square miles": "square mile", "square mile": "square mile", "sq mi": "square mile",
    "square feet": "square foot", "square foot": "square foot", "sq ft": "square foot",
    "hectare": "hectare", "hectares": "hectare", "ha": "hectare", "acre": "acre", "acres": "acre",
    # volume
    "l": "litre", "liter": "litre", "liters": "litre", "litre": "litre", "litres": "litre",
    "ml": "millilitre", "milliliter": "millilitre", "milliliters": "millilitre", "millilitre": "millilitre",
    "millilitres": "millilitre", "gallon": "gallon", "gallons": "gallon", "gal": "gallon",
    "barrel": "barrel", "barrels": "barrel", "bbl": "barrel", "cubic meters": "cubic metre",
    "cubic metres": "cubic metre", "cubic meter": "cubic metre", "m3": "cubic metre", "m³": "cubic metre",
    "cubic feet": "cubic foot", "cubic foot": "cubic foot", "cc": "cubic centimetre", "cm3": "cubic centimetre",
    "cups": "cup", "cup": "cup", "teaspoon": "teaspoon", "teaspoons": "teaspoon", "tablespoons": "tablespoon",
    "tablespoon": "tablespoon", "pint": "pint", "pints": "pint", "quart": "quart", "quarts": "quart",
    "fl oz": "fluid ounce", "fluid ounces": "fluid ounce", "fluid ounce": "fluid ounce",
    # mass
    "kg": "kilogram", "kgs": "kilogram", "kilo": "kilogram", "kilos": "kilogram", "kilogram": "kilogram",
    "kilograms": "kilogram", "kilogramme": "kilogram", "g": "gram", "gram": "gram", "grams": "gram",
    "gramme": "gram", "mg": "milligram", "milligram": "milligram", "milligrams": "milligram",
    "µg": "microgram", "μg": "microgram", "microgram": "microgram", "micrograms": "microgram",
    "lb": "pound-mass", "lbs": "pound-mass", "pound": "pound-mass", "pounds": "pound-mass",
    "oz": "ounce", "ounce": "ounce", "ounces": "ounce", "ton": "ton", "tons": "ton", "tonne": "tonne",
    "tonnes": "tonne", "t": "tonne", "metric tons": "tonne", "metric ton": "tonne",
    # time (durations)
    "second": "second", "seconds": "second", "sec": "second", "secs": "second", "s": "second",
    "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour",
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
    "year": "year", "years": "year", "yr": "year", "yrs": "year", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century", "ms": "millisecond", "millisecond": "millisecond",
    "milliseconds": "millisecond",
    # speed
    "mph": "mile per hour", "miles per hour": "mile per hour", "miles an hour": "mile per hour",
    "kilometres an hour": "kilometre per hour", "kilometers an hour": "kilometre per hour", "km an hour": "kilometre per hour", "km/h": "kilometre per hour",
    "kph": "kilometre per hour", "kmh": "kilometre per hour", "kilometers per hour": "kilometre per hour",
    "kilometres per hour": "kilometre per hour", "m/s": "metre per second", "knots": "knot", "knot": "knot",
    # temperature
    "°c": "degree Celsius", "ºc": "degree Celsius", "° c": "degree Celsius", "degrees celsius": "degree Celsius",
    "degree celsius": "degree Celsius", "degrees centigrade": "degree Celsius", "celsius": "degree Celsius",
    "c": "degree Celsius", "°f": "degree fahrenheit", "ºf": "degree fahrenheit",
    "degrees fahrenheit": "degree fahrenheit", "degree fahrenheit": "degree fahrenheit",
    "fahrenheit": "degree fahrenheit", "celcius": "degree Celsius", "degrees celcius": "degree Celsius",
    "farenheit": "degree fahrenheit", "degrees farenheit": "degree fahrenheit", "centigrade": "degree Celsius", "f": "degree fahrenheit", "k": "kelvin", "kelvin": "kelvin",
    "degrees kelvin": "kelvin", "°": "degree angle", "degrees": "degree angle", "degree": "degree angle",
    # energy, power, data, other science
    "kw": "kilowatt", "kilowatt": "kilowatt", "kilowatts": "kilowatt", "mw": "megawatt",
    "megawatt": "megawatt", "megawatts": "megawatt", "gw": "gigawatt", "gigawatt": "gigawatt",
    "gigawatts": "gigawatt", "w": "watt", "watt": "watt", "watts": "watt", "kwh": "kilowatt hour",
    "mwh": "megawatt hour", "gwh": "gigawatt hour", "twh": "terawatt hour", "tw": "terawatt",
    "terawatt": "terawatt", "terawatts": "terawatt", "j": "joule", "joule": "joule",
    "joules": "joule", "kj": "kilojoule", "mj": "megajoule", "kcal": "kilocalorie", "cal": "calorie",
    "calories": "calorie", "calorie": "calorie", "v": "volt", "volt": "volt", "volts": "volt", "kv": "kilovolt",
    "mv": "millivolt", "a": "ampere", "amp": "ampere", "amps": "ampere", "ma": "milliampere", "hz": "hertz",
    "khz": "kilohertz", "mhz": "megahertz", "ghz": "gigahertz", "pa": "pascal", "kpa": "kilopascal",
    "mpa": "megapascal", "gpa": "gigapascal", "bar": "bar", "mbar": "millibar", "atm": "atmosphere",
    "psi": "pound per square inch", "ppm": "part per million", "ppb": "part per billion",
    "mol": "mole", "mmol": "millimole", "µmol": "micromole", "μmol": "micromole", "m/z": "mass to charge",
    "mg/l": "milligram per litre", "mg/kg": "milligram per kilogram", "g/l": "gram per litre",
    "wt%": "percentage", "wt.%": "percentage", "vol%": "percentage", "at.%": "percentage",
    "kb": "kilobyte", "mb": "megabyte", "gb": "gigabyte", "tb": "terabyte", "gigabytes": "gigabyte",
    "megabytes": "megabyte", "terabytes": "terabyte", "bytes": "byte", "byte": "byte", "bits": "bit", "bit": "bit",
    "mbps": "megabit per second", "gbps": "gigabit per second",
    "db": "decibel", "decibels": "decibel", "ev": "electronvolt", "kev": "kiloelectronvolt",
    "mev": "megaelectronvolt", "mt": "megatonne", "gt": "gigatonne", "ga": "giga-annum", "‰": "‰", "×": "×", "μbar": "μbar", "µbar": "μbar", "nbar": "nbar",
    "fm": "fm", "nj": "nj", "picometer": "picometre", "picometers": "picometre",
    "dm": "decimetre", "decimeter": "decimetre", "decimeters": "decimetre", "rad": "radian", "radians": "radian",
    "microgrammes": "microgram", "milligrammes": "milligram", "grammes": "gram", "kilogrammes": "kilogram", "ppt": "ppt", "mmol/l": "mmol/l", "μmol/l": "μmol/l", "nmol/l": "nmol/l",
    "mg/dl": "mg/dl", "ml/min": "ml/min", "μg/ml": "μg/ml", "µg/ml": "μg/ml", "mg/ml": "mg/ml", "μg/l": "μg/l",
    "wt. %": "wt. %", "at. %": "at. %", "per mil": "‰", "per mille": "‰", "torr": "torr",
    "å": "å", "nt": "nt", "kr": "kr", "rp": "rp", "au": "astronomical unit", "myr": "myr", "gyr": "gyr",
    "kyr": "kyr", "byr": "byr", "ka": "ka", "μl": "microlitre", "µl": "microlitre", "ul": "microlitre",
    "ng": "nanogram", "nmol": "nmol", "pmol": "pmol", "°n": "°n", "°s": "°s", "°e": "°e", "°w": "°w",
    "deg c": "degree Celsius", "deg celsius": "degree Celsius", "degrees c": "degree Celsius",
    "degree c": "degree Celsius", "deg f": "degree fahrenheit", "degrees f": "degree fahrenheit",
    "degree f": "degree fahrenheit", "deg fahrenheit": "degree fahrenheit", "deg": "degree angle", "kda": "kilodalton", "da": "dalton", "rpm": "revolution per minute",
    "mw/m2": "milliwatt per square metre", "w/m2": "watt per square metre",
    "us dollars": "dollar", "us dollar": "dollar", "u.s. dollars": "dollar", "rmb": "yuan",
    "° celsius": "degree Celsius", "°celsius": "degree Celsius", "° fahrenheit": "degree fahrenheit",
    "°fahrenheit": "degree fahrenheit", "kmph": "kilometre per hour", "yo": "year", "y.o.": "year",
    "mm2": "square millimetre", "mm²": "square millimetre", "cm2": "square centimetre", "cm²": "square centimetre",
    "μm2": "square micrometre", "µm2": "square micrometre", "mm3": "cubic millimetre", "mm³": "cubic millimetre",
    "μs": "microsecond", "µs": "microsecond", "microsecond": "microsecond", "microseconds": "microsecond",
    "ppq": "part per quadrillion", "megadalton": "megadalton", "megadaltons": "megadalton",
}

# A bare "degrees" / "°" is a temperature, not an angle, in a sentence about heat or weather
# ("the temperature is 24 degrees"); its canonical unit then names no scale.
TEMPERATURE_DEGREE = "degree"
TEMPERATURE_CUES: frozenset[str] = frozenset({
    "temperature", "temperatures", "thermostat", "heat", "heatwave", "hot", "hotter", "warm", "warmer",
    "cold", "colder", "cool", "cooler", "weather", "forecast", "boil", "boils", "boiling", "freeze",
    "freezes", "freezing", "thermometer", "fever", "degrees warmer", "mercury", "celsius", "fahrenheit",
})
# Little words that may follow a figure in a clause without being what it measures: "30C in Paris", "30C on Monday".
PARTICLES: frozenset[str] = frozenset({
    "in", "on", "at", "for", "by", "and", "or", "with", "as", "across", "to", "from", "during", "while",
    "but", "than", "after", "before", "until", "over", "near", "around", "is", "was", "are", "were",
    "today", "tonight", "tomorrow", "yesterday", "this", "last", "next", "earlier", "later", "expected",
})
ANGLE_CUES: frozenset[str] = frozenset({
    "latitude", "longitude", "angle", "angles", "rotate", "rotated", "rotation", "turn", "turned", "tilt",
    "tilted", "slope", "incline", "inclination", "azimuth", "bearing", "heading", "arc", "field",
})
# "pounds" is money, not weight, in a clause about money ("profit improved to 361 million pounds"),
# unless "of" names the stuff weighed ("361 million pounds of coal").
MONEY_CUES: frozenset[str] = frozenset({
    "profit", "profits", "revenue", "revenues", "sales", "turnover", "cost", "costs", "costing", "price",
    "prices", "priced", "paid", "pay", "pays", "spent", "spend", "spending", "fund", "funds", "funding",
    "budget", "worth", "fined", "loss", "losses", "earnings", "earned", "salary", "wage", "wages",
    "debt", "debts", "tax", "taxes", "invest", "invested", "investment", "income", "raised", "deal",
    "bonus", "fee", "fees", "sold", "bought", "buy", "compensation", "damages", "bid",
})
# ... but not where the clause is about weight ("a weight loss of 20 pounds").
WEIGHT_CUES: frozenset[str] = frozenset({
    "weight", "weighs", "weighed", "weighing", "heavy", "heavier", "diet", "obese", "kilos",
})
POUND_SWAPS: dict[str, str] = {"pound-mass": "pound sterling"}  # the weight unit written like the currency
# Words a figure counts that are multipliers, not things: "16 times better", "a 3-fold rise".
MULTIPLIER_WORDS: frozenset[str] = frozenset({"times", "fold"})

# Unit forms that are also ordinary words or letters: read only glued to the number ("5m", "3h")
# or in upper/exact case, never after a space ("5 m" is read, "5 a" / "5 in" are not).
GLUED_ONLY_UNITS: frozenset[str] = frozenset({
    "in", "a", "s", "h", "t", "f", "c", "k", "l", "g", "w", "v", "j", "m", "da", "ma", "pa", "min",
    "mi", "yd", "bar", "cal", "real", "rad", "won", "rand", "ha",
})
# ...except these, which are common enough spaced in scientific and news text.
SPACED_SHORT_UNITS: frozenset[str] = frozenset({"m", "g", "l", "h", "s", "min", "ha", "mi", "k"})

UNIT_KINDS: dict[str, str] = {
    **{u: "currency" for u in (
        "dollar", "cent", "euro", "pound sterling", "yen", "yuan", "rupee", "ruble", "manat", "lira",
        "franc", "peso", "won", "hryvnia", "dram", "rand", "real", "shekel", "dinar", "riyal", "rial",
        "dirham", "krona", "krone", "zloty", "naira", "bitcoin", "penny", "markka", "guilder", "peseta",
        "kip", "lari", "baht", "ringgit", "rupiah", "tenge", "satoshi", "colón")},
    "percentage": "percent", "percentage point": "percent", "basis point": "percent",
    **{u: "duration" for u in (
        "second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "millisecond", "microsecond")},
    **{u: "temperature" for u in ("degree Celsius", "degree fahrenheit", "kelvin", "degree")},
}

# Words that, right before a number, mark it as an identifier, not a quantity ("No. 5", "room 12").
IDENTIFIER_CUES: frozenset[str] = frozenset({
    "no", "no.", "nos", "nr", "number", "#", "room", "page", "pages", "p.", "pp.", "chapter", "section",
    "article", "flight", "route", "highway", "interstate", "line", "platform", "gate", "tel", "tel.",
    "phone", "fax", "ext", "ext.", "vol", "vol.", "version", "v.", "ref", "id", "code", "resolution",
    "fig.", "figure", "table", "eq.", "equation", "step", "level", "grade", "class", "pt", "episode",
    "season", "act", "amendment", "bill", "item", "paragraph", "clause", "unit", "apartment", "apt",
    "suite", "box", "lot", "category", "stage", "phase", "round", "match", "game", "week",
    "fig", "figs", "figures", "tables", "refs", "references", "lines", "phases", "sites", "eqs",
    "equations", "chapters", "sections", "codes", "site", "sample", "samples", "well", "core", "hole",
    "column", "columns", "fraction", "fractions", "complex", "category", "algorithm", "case", "cases",
    "axis", "scenario", "experiment", "region", "numbered", "day", "month", "channel", "cohort", "wave",
    "omim", "isbn", "issn", "doi", "pmid", "patent", "model", "type", "lane", "sector", "block", "zone",
    "turbine", "turbines", "reactor", "reactors", "terminal", "building", "clone", "bed",
})

# Letters glued to digits that make the number a code or a time, never a unit: "5G", "3D", "10am".
GLUED_NOT_UNITS: frozenset[str] = frozenset({
    "d", "x", "am", "pm", "th", "st", "nd", "rd", "s", "a", "b", "c", "e", "i", "n", "o", "p", "q", "r",
    "u", "v", "y", "z", "ad", "bc", "bce", "ce", "gen", "ers", "er", "ies", "ish", "ties",
    "sin", "cos", "tan", "exp", "log", "ln",  # functions in a formula: "−2sin(2πt/P)"
})
# Unit symbols read after a space only in this exact case ("−0.72 V", "30 K"); mixed case ("30 mA") always is.
SPACED_CASED_UNITS: frozenset[str] = frozenset({"V", "W", "K", "J", "Pa", "Da", "Hz", "Ma", "Ga", "Mt", "Gt"})
# Single letters that are units when glued to digits ("5m", "3h", "30C"); any other letter is a label ("Fig. 3A").
GLUED_LETTER_UNITS: frozenset[str] = frozenset({"m", "g", "l", "s", "h", "t", "k", "K", "W", "V", "C", "F", "B", "M"})
MAX_GLUED_UNIT_LETTERS = 5  # "15kR", "2.7Rp", "20KLoC": unknown units glued to a number are short symbols

MONTHS: frozenset[str] = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
})

# Year-like integers (no separator, no unit) in this range are read as years, not amounts.
YEAR_RANGE: tuple[int, int] = (1600, 2199)

# Words after which an upper-case-looking number is a clock time or date part ("at 10", "on 8").
TIME_WORDS: frozenset[str] = frozenset({"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "o'clock", "gmt", "utc", "bst", "cet", "est", "edt", "pst"})

# --- what is counted -----------------------------------------------------------------------------

# Words that end the noun phrase after a number: function words and the common verbs of news copy.
COUNTED_STOPWORDS: frozenset[str] = frozenset({
    "and", "or", "but", "nor", "of", "in", "on", "at", "to", "from", "for", "with", "by", "as", "into",
    "onto", "over", "under", "about", "after", "before", "since", "during", "between", "against",
    "who", "whom", "whose", "which", "that", "where", "when", "while", "because", "than", "if",
    "were", "was", "are", "is", "be", "been", "being", "have", "has", "had", "will", "would", "can",
    "could", "may", "might", "must", "shall", "should", "do", "does", "did", "not", "also", "each",
    "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your",
    "per", "across", "through", "throughout", "including", "such", "so", "then", "there", "here",
    "it", "they", "he", "she", "we", "you", "i", "all", "both", "more", "less", "fewer", "most",
    "ago", "earlier", "later", "old", "long", "high", "wide", "deep", "tall", "away", "apiece", "each",
    "respectively", "total", "overall", "altogether", "alone", "so-called", "like", "up", "down", "out",
    "off", "back", "again", "now", "yet", "still", "just", "only", "even", "already", "said", "says",
    "say", "die", "died", "live", "lived", "remain", "remained", "remains", "work", "worked", "come",
    "came", "go", "went", "get", "got", "make", "made", "take", "took", "give", "gave", "see", "saw",
    "left", "fled", "lost", "killed", "wounded", "injured", "arrested", "detained", "displaced",
    "according", "reported", "estimated", "around", "today", "yesterday", "tomorrow", "tonight", "some",
    "last", "next", "ago", "apart", "away", "ahead", "behind", "nationwide", "worldwide", "abroad",
})

# Words the counted thing may begin with even though they look like verbs ("5 wounded soldiers").
MAX_COUNTED_WORDS = 4  # noun phrases after a number in news rarely exceed 4 words before their head

# Verbs (past and base forms) that tie a figure to an event; also any word ending in "-ed" is tried.
PREDICATE_VERBS: frozenset[str] = frozenset({
    "liberated", "liberate", "liberates", "freed", "free", "captured", "capture", "lost", "lose", "loses",
    "died", "die", "dies", "killed", "kill", "kills", "wounded", "injured", "spent", "spend", "spends",
    "lasted", "lasts", "took", "take", "takes", "cost", "costs", "rose", "rise", "rises", "fell",
    "fall", "falls", "reached", "reach", "reaches", "built", "build", "builds", "displaced", "fled",
    "flee", "returned", "return", "paid", "pay", "pays", "raised", "raise", "received", "receive",
    "earned", "earn", "sold", "sell", "bought", "buy", "destroyed", "destroy", "damaged", "evacuated",
    "evacuate", "arrested", "detained", "deployed", "sent", "send", "launched", "launch", "fired",
    "fire", "grew", "grow", "grows", "increased", "increase", "decreased", "dropped", "drop", "totalled",
    "totaled", "total", "numbered", "number", "occupied", "occupy", "recorded", "record", "reported",
    "report", "confirmed", "counted", "estimated", "hit", "hits", "won", "win", "wins", "allocated",
    "invested", "invest", "donated", "pledged", "pledge", "approved", "carried", "carry", "marched",
    "attended", "attend", "gathered", "held", "hold", "holds", "has", "have", "had", "owns", "owned",
    "employs", "employed", "housed", "infected", "vaccinated", "tested", "treated", "rescued", "missing",
    "stood", "stands", "measured", "measures", "weighs", "weighed", "covers", "covered", "stretches",
})
# Words ending in "-ed" that are not predicates (adjectives and past participles used as such).
NOT_PREDICATES: frozenset[str] = frozenset({
    "united", "related", "based", "called", "named", "so-called", "limited", "red", "bed", "need",
    "speed", "seed", "feed", "hundred", "armed", "advanced", "detailed", "dedicated", "interested",
    "need", "deed", "weed", "reed", "shed", "sled", "wed", "bred",
})

# --- claims: wholes and their parts ---------------------------------------------------------------

# A whole (lemma) and the lemmas it covers: counts of the parts add up to the whole.
PART_WHOLE: dict[str, tuple[str, ...]] = {
    "settlement": ("city", "town", "village", "hamlet", "settlement", "township", "district center"),
    "casualty": ("dead", "death", "killed", "fatality", "wounded", "injured", "injury", "casualty"),
    "victim": ("dead", "death", "killed", "fatality", "wounded", "injured"),
    "death": ("dead", "killed", "fatality", "death"),
    "people": ("person", "adult", "child", "man", "woman", "civilian", "soldier", "people"),
    "building": ("house", "home", "school", "hospital", "building", "apartment"),
    "vehicle": ("car", "truck", "bus", "tank", "vehicle"),
}

# Lemmas that mean the same counted thing ("fatalities" and "deaths").
SYNONYMS: dict[str, str] = {
    "fatality": "death", "dead": "death", "killed": "death", "martyr": "death", "person": "people",
    "individual": "people", "resident": "people", "inhabitant": "people", "idp": "idp",
    "internally displaced person": "idp", "refugee": "refugee", "injury": "injured", "wounded": "injured",
    "town": "town", "km": "kilometre", "migrant": "idp",
}

IRREGULAR_PLURALS: dict[str, str] = {
    "people": "people", "men": "man", "women": "woman", "children": "child", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife",
    "knives": "knife", "halves": "half", "news": "news", "series": "series", "species": "species",
    "analyses": "analysis", "crises": "crisis", "data": "data", "media": "media", "police": "police",
    "dead": "dead", "wounded": "wounded", "injured": "injured", "missing": "missing",
}

# Nouns naming the event itself: a duration counting one of these ("44-day war", "the operation
# ... lasted 44 days") is the duration of the event; all of them share one claim subject.
EVENT_NOUNS: frozenset[str] = frozenset({
    "war", "conflict", "operation", "campaign", "offensive", "counter-offensive", "counteroffensive",
    "battle", "fighting", "hostility", "siege", "occupation", "strike", "protest", "lockdown",
    "ceasefire", "truce", "blockade", "standoff", "crisis", "outage", "shutdown", "trial", "visit",
    "mission", "tour", "festival", "games", "summit", "talks", "negotiation", "election", "voyage",
})
# Event nouns that name the same kind of event: "44-day war" and "44-day conflict" measure one thing.
EVENT_CLASSES: dict[str, str] = {
    "conflict": "war", "fighting": "war", "hostility": "war", "offensive": "war", "counter-offensive": "war",
    "counteroffensive": "war", "campaign": "war", "battle": "war", "operation": "war",
    "truce": "ceasefire", "talks": "negotiation",
}

# Verbs that say how long their subject went on: "The operation ... lasted 44 days" gives the
# duration of the event its sentence opens with.
DURATION_VERBS: frozenset[str] = frozenset({"lasted", "last", "lasts", "lasting", "spanned", "spans", "continued"})

# Counted words that name no thing ("times", "ones"): a figure counting them opens no claim.
EMPTY_COUNTED: frozenset[str] = frozenset({
    "time", "one", "other", "more", "percent", "per", "cent", "year", "day", "month", "week", "hour",
    "minute", "second", "decade", "century", "point", "thing", "part", "kind", "way", "season", "term",
    "record", "percentage", "lap", "inning", "quarter", "half", "round", "step", "stage",
})

# "the death toll", "the casualty count": what a tally before a figure counts.
TALLY_NOUNS: dict[str, str] = {
    "death": "deaths", "casualty": "casualties", "injury": "injuries", "fatality": "fatalities",
    "dead": "dead", "victim": "victims", "body": "bodies", "infection": "infections", "case": "cases",
}

# A figure counting people in general, tied to one of these verbs, counts what the verb names:
# "40 people died", "40 killed" and "the death toll rose to 40" all count deaths.
GENERIC_PEOPLE: frozenset[str] = frozenset({"people", "person", "individual"})
CASUALTY_VERBS: dict[str, str] = {
    "died": "death", "die": "death", "dies": "death", "killed": "death", "dead": "death", "perished": "death",
    "wounded": "injured", "injured": "injured", "hurt": "injured", "displaced": "displaced",
    "evacuated": "evacuated", "arrested": "arrested", "detained": "arrested", "missing": "missing",
    "trapped": "trapped", "stranded": "stranded", "hospitalised": "hospitalised", "hospitalized": "hospitalised",
}
CASUALTY_SUBJECTS: dict[str, str] = {
    "death": "deaths", "injured": "people injured", "displaced": "people displaced",
    "evacuated": "people evacuated", "arrested": "people arrested", "missing": "people missing",
    "trapped": "people trapped", "stranded": "people stranded", "hospitalised": "people in hospital",
}

# What claims count that can fall over time: a state people leave — missing (found), trapped (freed),
# in hospital (discharged), displaced or evacuated (home again). A later, lower figure of these
# updates an earlier one ("112 missing" on Monday, "14 missing" on Wednesday). Everything else is a
# running tally that only grows — deaths, casualties, injuries, arrests, damage, money spent — so a
# later, lower figure of it still conflicts. Keys are the claim keys: CASUALTY_VERBS values and
# counted lemmas.
COUNTS_THAT_FALL: frozenset[str] = frozenset({
    "missing", "trapped", "stranded", "hospitalised", "displaced", "evacuated", "evacuee", "idp",
    "refugee", "homeless", "unaccounted", "hostage", "patient", "outage", "customer",
})

# A capitalised word of this kind after a number makes it an address: "10 Downing Street".
STREET_WORDS: frozenset[str] = frozenset({
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive", "dr",
    "square", "sq", "place", "pl", "court", "ct", "way", "highway", "hwy", "terrace", "parkway", "plaza",
})
# Page furniture counts: "1.2K views | 34 comments" in a short line is a widget, not a figure.
COUNTER_WORDS: frozenset[str] = frozenset({
    "views", "view", "comments", "comment", "shares", "share", "likes", "like", "reactions", "reads",
    "replies", "reply", "retweets", "votes", "min", "mins",
})
MAX_WIDGET_LINE_WORDS = 10  # a line this short around a counter word is furniture; prose lines are longer
# Denominators read as fractions in digits ("3/4 cup"); "9/11", "24/7" are names and dates.
FRACTION_DENOMINATORS: frozenset[int] = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100, 1000})

# Irregular past tenses that end a counted noun phrase ("one protester threw", "two men fled").
IRREGULAR_PAST: frozenset[str] = frozenset({
    "threw", "fought", "struck", "ran", "led", "broke", "began", "told", "met", "brought", "caught",
    "taught", "stood", "sat", "shot", "fled", "fed", "bled", "wrote", "drove", "rode", "chose", "froze",
    "spoke", "stole", "wore", "tore", "swore", "hid", "bit", "ate", "drank", "sang", "swam", "sank",
    "shrank", "rang", "became", "felt", "kept", "slept", "swept", "wept", "knew", "grew", "drew", "flew",
    "blew", "threw", "thought", "sought", "found", "ground", "wound", "heard", "understood", "withdrew",
    "overran", "undertook", "forgot", "forgave", "beat", "burnt", "dealt", "dug", "fit", "forbade", "lay",
    "lit", "quit", "rid", "rose", "sent", "set", "shut", "slid", "spun", "split", "spread", "sprang",
    "stuck", "stung", "stank", "strove", "swung", "woke", "won",
})

# Symbols whose meaning depends on case, looked up before the case-folded table: "Ma" (million
# years) is not "mA" (milliampere), "MW" is not "mW".
# Units written before the number: "pH 7", "pH of 4.5", "pH∼2".
PREFIX_UNITS: dict[str, str] = {"pH": "pH"}
UNITS["ph"] = "pH"

CASED_UNITS: dict[str, str] = {
    "Ma": "mega-annum", "Ga": "giga-annum", "ka": "kilo-annum", "mA": "milliampere", "MW": "megawatt",
    "mW": "milliwatt", "Mt": "megatonne", "Gt": "gigatonne", "Mb": "megabit", "MB": "megabyte",
    "meV": "millielectronvolt", "MeV": "megaelectronvolt",
}
