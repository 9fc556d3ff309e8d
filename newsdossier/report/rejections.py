"""The rejections: every input that did not become a document, and why."""

from __future__ import annotations

from newsdossier.model import Dossier
from newsdossier.report.html import badge, esc, section


def render_rejections(d: Dossier) -> str:
    rejections = sorted(d.rejections, key=lambda r: (r.path, r.stage, r.reason, r.detail))
    rows = "".join(
        f'<tr><td class="path">{esc(r.path)}</td><td>{esc(r.stage)}</td><td>{badge(r.reason)}</td>'
        f"<td>{esc(r.detail)}</td></tr>"
        for r in rejections
    )
    body = (
        '<div class="scroll"><table><thead><tr><th>path</th><th>stage</th><th>reason</th><th>detail</th></tr>'
        f"</thead><tbody>{rows}</tbody></table></div>"
        if rows
        else ""
    )
    return section("rejections", "Rejections", len(rejections), body)
