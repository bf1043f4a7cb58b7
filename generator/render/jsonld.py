"""schema.org JSON-LD for each page: one builder per record kind, the record's history, safe serialisation.

Why: search engines and link previews read schema.org; a person page says
`Person`, a treaty `Legislation`, a news source `NewsArticle`, and every
record says when it was added, changed and corrected.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeAlias

from ..structure.routes import edition_base, target_path, url_of
from .labels import Labels

SCHEMA_TYPES = {
    "person": "Person",
    "state": "Country",
    "government-body": "GovernmentOrganization",
    "legislature": "GovernmentOrganization",
    "court": "GovernmentOrganization",
    "organization": "Organization",
    "party": "PoliticalParty",
}
"""schema.org type of each kind of actor (anything else is an Organization)."""

LEGISLATION = ("treaty", "provision", "domestic-law", "resolution")
"""Kinds of legal record that schema.org calls Legislation (concepts are DefinedTerms, the rest CreativeWorks)."""

Ld: TypeAlias = dict[str, Any]
"""A schema.org object, as json.dumps will write it."""


def jsonld(data: Ld) -> str:
    """schema.org JSON-LD, safe inside a <script> element (no `<`, `>` or `&` left unescaped)."""
    text = json.dumps({"@context": "https://schema.org", **data}, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def ld(labels: Labels, path: str, kind: str, rid: str = "") -> Ld:
    """schema.org description of a page's record (Event, Person, Organization, Legislation...), or a WebPage."""
    url = edition_base(labels.content, labels.lang) + url_of(target_path(kind, rid) if rid else path)
    build = _BUILDERS.get(kind)
    if build is None:
        return {
            "@type": "WebPage",
            "name": labels.text(labels.content.site.title),
            "url": url,
            "inLanguage": labels.lang,
        }
    model = labels.content.get(kind, rid)
    return history_ld(labels, model, build(labels, model, url))


def history_ld(labels: Labels, model: Any, data: Ld) -> Ld:
    """dateCreated/dateModified from the record's history, and its corrections as CorrectionComments."""
    if getattr(model, "added", None):
        data["dateCreated"] = model.added
    modified = getattr(model, "updated", None) or getattr(model, "added", None)
    if modified:
        data["dateModified"] = modified
    corrections = getattr(model, "corrections", None) or []
    if corrections:
        data["correction"] = [
            {"@type": "CorrectionComment", "datePublished": c.date, "text": labels.text(c.text)} for c in corrections
        ]
    return data


def _place(labels: Labels) -> Ld | None:
    """The schema.org `Place` of the story's events, from site.yml's `location` (none when it is not given)."""
    location = labels.content.site.location
    return {"@type": "Place", "name": labels.text(location)} if location else None


def _event(labels: Labels, e: Any, url: str) -> Ld:
    data: Ld = {
        "@type": "Event",
        "name": labels.text(e.title),
        "startDate": e.date,
        "description": labels.text(e.summary),
        "url": url,
        "eventStatus": "https://schema.org/EventScheduled",
        "about": [{"@type": "Thing", "name": labels.label("actors", a)} for a in e.actors],
    }
    place = _place(labels)
    if place is not None:
        data["location"] = place
    return data


def _actor(labels: Labels, a: Any, url: str) -> Ld:
    data: Ld = {
        "@type": SCHEMA_TYPES.get(a.kind, "Organization"),
        "name": labels.text(a.name),
        "description": labels.text(a.summary),
        "url": url,
    }
    if a.wikidata:
        data["sameAs"] = f"https://www.wikidata.org/wiki/{a.wikidata}"
    return data


def _legal(labels: Labels, m: Any, url: str) -> Ld:
    kind = "Legislation" if m.kind in LEGISLATION else "DefinedTerm" if m.kind == "concept" else "CreativeWork"
    data: Ld = {"@type": kind, "name": labels.text(m.title), "description": labels.text(m.summary), "url": url}
    if m.adopted:
        data["legislationDate" if kind == "Legislation" else "dateCreated"] = m.adopted.date
    if m.text_url:
        data["sameAs"] = m.text_url
    return data


def _source(labels: Labels, m: Any, url: str) -> Ld:
    """A source's page describes the source itself: its URL is the publisher's, not ours."""
    data: Ld = {
        "@type": "NewsArticle" if m.kind in ("news", "wire") else "CreativeWork",
        "headline": m.title,
        "publisher": {"@type": "Organization", "name": m.publisher},
        "url": m.url,
        "inLanguage": m.language,
    }
    if m.published:
        data["datePublished"] = m.published
    return data


def _question(labels: Labels, m: Any, url: str) -> Ld:
    """A question's page is a QAPage: the question and its answer as the site gives it."""
    answer = {"@type": "Answer", "text": labels.text(m.answer), "url": url}
    question = {"@type": "Question", "name": labels.text(m.question), "acceptedAnswer": answer}
    return {"@type": "QAPage", "url": url, "inLanguage": labels.lang, "mainEntity": question}


_BUILDERS: dict[str, Callable[[Labels, Any, str], Ld]] = {
    "events": _event,
    "actors": _actor,
    "legal": _legal,
    "sources": _source,
    "questions": _question,
}
"""The schema.org builder of each kind of record page."""
