"""The HTML report: one self-contained page. Each section lives in its own module with one function
taking the :class:`~newsdossier.model.Dossier`; :mod:`newsdossier.report.page` puts them together."""

from newsdossier.report.page import render_report

__all__ = ["render_report"]
