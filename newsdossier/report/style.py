"""The report's stylesheet, inlined in the page (the page may load nothing)."""

CSS = """
:root{--bg:#f7f6f2;--card:#fff;--ink:#1d232b;--muted:#667080;--line:#e2ded5;--accent:#1f5fa8;
--mark:#fff1b8;--ok:#1e7a46;--warn:#b26a00;--bad:#b3261e;--chip:#eef1f5;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#15181d;--card:#1d2128;--ink:#e6e8eb;--muted:#9aa3ae;
--line:#2f353e;--accent:#7fb0ee;--mark:#5a4b12;--chip:#2a3039}}
*{box-sizing:border-box}
html{scroll-padding-top:3.5rem}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.wrap{max-width:72rem;margin:0 auto}
header{padding:2rem clamp(1rem,4vw,3rem) 1rem;background:var(--card);border-bottom:1px solid var(--line)}
h1{margin:0 0 .2rem;font-size:1.8rem;letter-spacing:-.01em}
h2{margin:0 0 .8rem;font-size:1.3rem;display:flex;align-items:center;gap:.5rem}
h3{margin:.2rem 0 .5rem;font-size:1.05rem}
.subtitle{margin:0 0 1rem;color:var(--muted)}
.stats{display:flex;flex-wrap:wrap;gap:.6rem}
.stat{display:flex;flex-direction:column;min-width:8.5rem;padding:.6rem .9rem;border:1px solid var(--line);
border-radius:10px;background:var(--bg);color:inherit;text-decoration:none}
.stat:hover{border-color:var(--accent)}
.stat .n{font-size:1.5rem;font-weight:650;font-variant-numeric:tabular-nums}
.stat .l{color:var(--muted);font-size:.85rem}
nav{position:sticky;top:0;z-index:2;padding:.6rem clamp(1rem,4vw,3rem);background:var(--card);
border-bottom:1px solid var(--line);font-size:.9rem}
nav .wrap{display:flex;flex-wrap:wrap;gap:.2rem 1.2rem}
nav a{color:var(--accent);text-decoration:none}
main{padding:1rem clamp(1rem,4vw,3rem) 3rem}
section{max-width:72rem;margin:1.8rem auto}
.count{display:inline-block;padding:0 .5rem;border-radius:999px;background:var(--chip);color:var(--muted);
font-size:.8rem;font-weight:500}
.none,.muted{color:var(--muted)}
.none{font-style:italic}
.small{font-size:.85rem}
.note{color:var(--muted);font-size:.9rem}
.warn { border-left: 4px solid #c2410c; background: #fff7ed; padding: .5rem .8rem; }
.stories meter { width: 8rem; vertical-align: middle; }
a{color:var(--accent)}
table{width:100%;border-collapse:collapse;background:var(--card);font-size:.92rem}
th,td{padding:.45rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{font-weight:600;color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.03em}
.scroll{overflow-x:auto;border:1px solid var(--line);border-radius:10px}
.scroll table{border:0}
.sources td.path{white-space:nowrap;word-break:normal}
.path{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.8rem;word-break:break-all;color:var(--muted)}
.num{font-variant-numeric:tabular-nums;white-space:nowrap}
.nowrap{white-space:nowrap}
.badge{display:inline-block;padding:.05rem .45rem;border-radius:6px;background:var(--chip);font-size:.75rem;
font-weight:600;white-space:nowrap;vertical-align:middle}
.b-corroborated,.b-agree,.b-metadata{background:#dcf2e4;color:var(--ok)}
.b-conflict{background:#fbe1df;color:var(--bad)}
.b-single,.b-inferred{background:#fdf0d5;color:var(--warn)}
.b-exact,.b-near,.b-derived,.b-text{background:#e1ecfa;color:var(--accent)}
@media (prefers-color-scheme:dark){.badge{filter:brightness(.85) saturate(1.2)}}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:.8rem 1rem;margin:.7rem 0}
.card>p{margin:.2rem 0}
.claim.s-conflict{border-left:4px solid var(--bad)}
.claim.s-agree{border-left:4px solid var(--ok)}
.claim table{margin-top:.3rem;table-layout:fixed}
col.c-qual{width:9rem}col.c-value{width:10rem}col.c-unit{width:7rem}col.c-scope{width:11rem}
ol.timeline{list-style:none;margin:0;padding:0;border-left:2px solid var(--line)}
ol.timeline>li{display:grid;grid-template-columns:9rem 1fr;gap:1rem;padding:.5rem 0 .5rem 1rem;position:relative}
ol.timeline>li::before{content:"";position:absolute;left:-.4rem;top:1rem;width:.7rem;height:.7rem;border-radius:50%;
background:var(--accent)}
.when{font-weight:650;font-variant-numeric:tabular-nums}
.what p{margin:.1rem 0}
ul.evidence{margin:.2rem 0 0;padding-left:1.1rem;color:var(--muted);font-size:.9rem}
ul.evidence li.more{list-style:none;margin-left:-1.1rem}
ul.evidence details{margin-top:.1rem}
ul.evidence details ul{padding-left:1.1rem}
a.doc{text-decoration:none;font-weight:600;font-size:.85rem}
a.ev{color:inherit;text-decoration:underline dotted var(--muted);text-underline-offset:3px}
a.ev:hover{text-decoration:underline solid var(--accent)}
.quote{margin:.8rem 0;padding:.6rem 1rem;background:var(--card);border-left:4px solid var(--accent);border-radius:0 10px 10px 0}
.quote blockquote{margin:0;font-family:Georgia,"Times New Roman",serif;font-size:1.02rem}
.quote figcaption{color:var(--muted);font-size:.9rem;margin-top:.3rem}
article.source{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:1.2rem 1.4rem;margin:1rem 0}
h3 .num{color:var(--muted)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.3rem 0 .6rem}
dl.facts dt,dl.extras dt{color:var(--muted)}
dl.facts dd,dl.extras dd{margin:0}
dl.extras{display:grid;grid-template-columns:max-content 1fr;gap:0 .8rem;font-size:.8rem;margin:.3rem 0}
.cols{display:grid;grid-template-columns:minmax(0,44rem) minmax(14rem,1fr);gap:1rem 2.5rem;align-items:start}
aside{position:sticky;top:3.5rem;font-size:.88rem}
@media (max-width:900px){.cols{grid-template-columns:1fr}aside{position:static}}
.text{font-family:Georgia,"Times New Roman",serif;font-size:1.03rem;line-height:1.65}
.text p{margin:0 0 .9rem;white-space:pre-wrap;overflow-wrap:anywhere}
mark{background:var(--mark);color:inherit;padding:0}
mark.k-entity{border-bottom:2px solid #9db8dc}
mark.k-entity:not(.k-timeline):not(.k-claim):not(.k-quote){background:none}
dl.facts dd q{display:-webkit-box;-webkit-line-clamp:4;-webkit-box-orient:vertical;overflow:hidden}
mark.k-claim{background:#ffd9a8}
@media (prefers-color-scheme:dark){mark.k-claim{background:#6b4a1c}}
mark:target,a.anchor:target+mark{outline:2px solid var(--accent);outline-offset:1px}
ul.conflicts{margin:0;padding:.8rem 1rem .8rem 2rem;background:var(--card);border:1px solid var(--line);
border-left:4px solid var(--bad);border-radius:10px}
ul.conflicts>li{margin:.3rem 0}
ul.conflicts ul{margin:.2rem 0 .6rem;padding-left:1.1rem;font-size:.92rem}
.mgroup{display:inline-block;margin:0 .8rem .1rem 0;white-space:nowrap}
.mgroup a.ev{padding:0 .1rem}
details{margin-top:.6rem}
summary{cursor:pointer;color:var(--muted);font-size:.9rem}
table.removed{margin-top:.4rem;font-size:.85rem}
footer{padding:1.5rem clamp(1rem,4vw,3rem);text-align:center;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line)}
@media (max-width:640px){ol.timeline>li{grid-template-columns:1fr;gap:.2rem}
.stat{min-width:6.5rem;padding:.4rem .6rem}.stat .n{font-size:1.2rem}}
.sources td:nth-child(2){min-width:14rem}
@media print{nav{display:none}details{display:block}}
"""
