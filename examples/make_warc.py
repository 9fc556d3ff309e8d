"""Write examples/corpus/007_valley-times.warc.gz from the fictional Valley Times pages below.

Run from the repository root: ``.venv/bin/python examples/make_warc.py``. Record ids and dates
are fixed so the archive comes out byte-identical on every run.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parent / "corpus" / "007_valley-times.warc.gz"

ARTICLE_URL = "https://valley-times.example/2024/03/13/corvel-search-called-off"
ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Corvel Dam: search called off after eight days, more than 40 dead - The Valley Times</title>
<meta property="og:site_name" content="The Valley Times">
<meta name="author" content="Karin Voss">
<meta property="article:published_time" content="2024-03-13T21:05:00+01:00">
<script>var ads = []; function loadAds() { ads.push("top"); }</script>
</head><body onload="loadAds()">
<div class="topbar"><a href="/">The Valley Times</a> | <a href="/login">Log in</a> | <a href="/subscribe">Subscribe from 1 euro</a></div>
<nav><ul><li><a href="/local">Local</a></li><li><a href="/corvel">Corvel Dam</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<article>
<h1>Corvel Dam: search called off after eight days, more than 40 dead</h1>
<p class="byline">By Karin Voss, Pellan</p>
<p>The search for victims of the Corvel Dam failure was called off on Wednesday, March 13, eight days after the dam burst and sent a wall of water through the Sarn valley.</p>
<p>More than 40 people died in the disaster, according to a count by The Valley Times based on figures from the three affected municipalities, higher than the official toll. The Civil Protection Agency has put the number of dead at 39 and said its search teams had covered the whole valley.</p>
<p>"There are families in Marrowby who are still waiting for news. We think the official list is not complete," said Anton Reyes, a councillor in Marrowby.</p>
<p>The 62-metre dam, built in 1968, failed at about 3:40 a.m. on March 5 after four days of heavy rain. Around 12,000 people were evacuated from Pellan, Marrowby and Estvik, and about 1,200 homes were destroyed or damaged.</p>
<p>An independent commission set up by the government on March 8 is examining why the spillway gates did not open fully and why the warning sirens sounded twenty-five minutes after the failure.</p>
<p>Interior Minister Marta Ilesco told parliament on Wednesday that the official figure would be checked name by name. "If a single person is missing from that list, we will correct it," Ilesco said.</p>
</article>
<div class="comments"><h3>Comments (12)</h3><p>Log in to comment.</p></div>
<footer><p>The Valley Times &middot; 4 Bridge Road, Estvik &middot; <a href="/imprint">Imprint</a></p></footer>
<script>loadAds();</script>
</body></html>
"""

ROBOTS_URL = "https://valley-times.example/robots.txt"
ROBOTS = "User-agent: *\nDisallow: /login\n"

WARC_DATE = "2024-03-14T06:00:00Z"


def _response(writer: WARCWriter, url: str, body: str, content_type: str, record_id: str):
    payload = body.encode("utf-8")
    http = StatusAndHeaders(
        "200 OK",
        [("Content-Type", content_type), ("Content-Length", str(len(payload)))],
        protocol="HTTP/1.1",
    )
    headers = {"WARC-Date": WARC_DATE, "WARC-Record-ID": f"<urn:uuid:{record_id}>"}
    return writer.create_warc_record(
        url, "response", payload=BytesIO(payload), http_headers=http, warc_headers_dict=headers
    )


def main() -> None:
    with OUT.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        writer.write_record(
            _response(writer, ROBOTS_URL, ROBOTS, "text/plain", "00000000-0000-4000-8000-000000000001")
        )
        writer.write_record(
            _response(writer, ARTICLE_URL, ARTICLE, "text/html; charset=utf-8", "00000000-0000-4000-8000-000000000002")
        )
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
