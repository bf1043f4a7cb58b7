"""Deterministic synthetic content for the performance benchmark.

`make(project, n_events, seed)` writes `project/content/` with N events and
proportional actors (N/20), sources (N/3), legal records (N/200, min 5) and
questions (N/100, min 5), in the shapes and text lengths of the real content:
bilingual titles of 60-90 characters, summaries of 300-700 characters with
`[[actor:id]]` / `[[legal:id]]` cross-references, quoted citations with
translations, roles and relations, disputes on ~3% of events, key moments on
~5%, dates over 20 years at day, month or year precision.

Everything comes from `random.Random(seed)`: the same size and seed give
byte-identical files. The result validates with 0 errors and 0 warnings
(every source is cited, every text and quote is translated).

Usage: python bench/make_content.py DIR N [--seed S]
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
from pathlib import Path

WORDS = {
    "en": (
        "government minister embassy asylum court ruling congress president decree treaty convention "
        "diplomatic relations safe conduct ambassador statement request hearing appeal sentence detention "
        "foreign affairs council session vote members opposition spokesperson press conference security "
        "protection residence border agreement negotiations proposal delegation report commission inquiry "
        "prosecutor judge lawyer defence charges evidence witness investigation official communique "
        "regional organization meeting summit declaration reaction protest support criticism response"
    ).split(),
    "es": (
        "gobierno ministro embajada asilo tribunal fallo congreso presidente decreto tratado convención "
        "relaciones diplomáticas salvoconducto embajador comunicado solicitud audiencia apelación condena "
        "detención cancillería consejo sesión votación miembros oposición vocero conferencia seguridad "
        "protección residencia frontera acuerdo negociaciones propuesta delegación informe comisión "
        "fiscal juez abogado defensa cargos pruebas testigo investigación oficial organismo regional "
        "reunión cumbre declaración reacción protesta apoyo crítica respuesta según fuentes"
    ).split(),
}
JOIN = {
    "en": ["the", "of", "and", "in", "after", "with", "for", "on", "by"],
    "es": ["el", "la", "de", "y", "en", "tras", "con", "para", "por"],
}
FIRST = [
    "Ana",
    "Luis",
    "María",
    "Jorge",
    "Carmen",
    "Pedro",
    "Lucía",
    "Raúl",
    "Elena",
    "Hugo",
    "Rosa",
    "Diego",
    "Marta",
    "Pablo",
    "Sofía",
    "Andrés",
    "Laura",
    "Tomás",
    "Inés",
    "Víctor",
]
LAST = [
    "García",
    "Pérez",
    "Rojas",
    "Torres",
    "Flores",
    "Ramírez",
    "Vargas",
    "Castillo",
    "Mendoza",
    "Chávez",
    "Quispe",
    "Herrera",
    "Silva",
    "Ortega",
    "Navarro",
    "Delgado",
    "Romero",
    "Salas",
    "Cruz",
    "Paredes",
]
COUNTRIES = ["PE", "MX", "EC", "CO", "BR", "CL", "AR", "BO", "VE", "UY", "PY", "GT", "HN", "CR", "PA"]
PUBLISHERS = [
    "El Comercio",
    "La República",
    "Infobae",
    "El País",
    "Reuters",
    "EFE",
    "AP",
    "Andina",
    "Milenio",
    "El Universal",
    "La Jornada",
    "Expreso",
    "Correo",
    "RPP",
    "Canal N",
    "BBC Mundo",
    "France 24",
    "DW",
    "CNN en Español",
    "El Financiero",
    "Proceso",
    "Excélsior",
    "Gestión",
    "Ojo",
    "Perú21",
]
SOURCE_KINDS = [
    "news",
    "news",
    "news",
    "news",
    "wire",
    "official-statement",
    "legal-text",
    "court-decision",
    "reference",
]
ACTOR_KINDS = ["person"] * 6 + ["government-body", "legislature", "court", "organization", "party"]
LEGAL_KINDS = ["treaty", "provision", "court-case", "concept", "domestic-law", "resolution"]
START_YEAR = 2006
YEARS = 20


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


class Maker:
    def __init__(self, n_events: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.n_events = n_events
        self.n_actors = max(n_events // 20, 12)
        self.n_sources = max(n_events // 3, 20)
        self.n_legal = max(n_events // 200, 5)
        self.n_questions = max(n_events // 100, 5)
        self.n_states = max(self.n_actors // 10, 3)
        self.actor_ids: list[str] = []
        self.state_ids: list[str] = []
        self.legal_ids: list[str] = []
        self.source_ids: list[str] = []
        self.source_lang: dict[str, str] = {}
        self.event_ids: list[str] = []
        self._next_source = 0

    # -- text -----------------------------------------------------------------------
    def words(self, lang: str, n: int) -> str:
        rng = self.rng
        out = []
        for i in range(n):
            out.append(rng.choice(JOIN[lang]) if i % 3 == 1 else rng.choice(WORDS[lang]))
        return " ".join(out)

    def sentence(self, lang: str, lo: int, hi: int) -> str:
        text = self.words(lang, self.rng.randint(lo, hi))
        return text[0].upper() + text[1:] + "."

    def title(self, lang: str) -> str:
        """A headline of about 60-90 characters."""
        target = self.rng.randint(60, 90)
        text = ""
        while len(text) < target:
            text = (text + " " + self.rng.choice(WORDS[lang])).strip()
        return text[0].upper() + text[1:]

    def prose(self, lang: str, lo: int, hi: int, refs: list[str]) -> str:
        """Sentences up to a length in [lo, hi], with the given cross-references spread in."""
        target = self.rng.randint(lo, hi)
        parts: list[str] = []
        length = 0
        refs = list(refs)
        while length < target:
            s = self.sentence(lang, 8, 18)
            if refs and self.rng.random() < 0.6:
                s = s[:-1] + f" {refs.pop()}."
            parts.append(s)
            length += len(s) + 1
        if refs:
            parts.append(" ".join(refs) + ".")
        return " ".join(parts)

    def text_pair(self, lo: int, hi: int, refs: list[str] | None = None) -> dict[str, str]:
        return {lang: self.prose(lang, lo, hi, refs or []) for lang in ("en", "es")}

    # -- dates ----------------------------------------------------------------------
    def date(self, precision: str | None = None) -> str:
        rng = self.rng
        year = START_YEAR + rng.randrange(YEARS)
        precision = precision or rng.choices(["day", "month", "year"], weights=[80, 15, 5])[0]
        if precision == "year":
            return f"{year:04d}"
        month = rng.randint(1, 12)
        if precision == "month":
            return f"{year:04d}-{month:02d}"
        day = rng.randint(1, calendar.monthrange(year, month)[1])
        return f"{year:04d}-{month:02d}-{day:02d}"

    # -- citations ------------------------------------------------------------------
    def next_source(self) -> str:
        """Sources handed out round-robin first, so every source is cited at least once."""
        if self._next_source < len(self.source_ids):
            sid = self.source_ids[self._next_source]
            self._next_source += 1
            return sid
        return self.rng.choice(self.source_ids)

    def citations(self, lo: int, hi: int, indent: str) -> list[str]:
        """YAML lines of a `sources:` list body (ids or quoted citations)."""
        lines: list[str] = []
        seen: set[str] = set()
        for _ in range(self.rng.randint(lo, hi)):
            sid = self.next_source()
            if sid in seen:
                continue
            seen.add(sid)
            if self.rng.random() < 0.45:
                lang = self.source_lang[sid]
                other = "es" if lang == "en" else "en"
                quote = self.prose(lang, 60, 200, [])
                lines.append(f"{indent}- source: {sid}")
                lines.append(f"{indent}  quote: {_q(quote)}")
                lines.append(f"{indent}  translation: {{{other}: {_q(self.prose(other, 60, 200, []))}}}")
                if self.rng.random() < 0.3:
                    para = self.rng.randint(1, 40)
                    lines.append(f"{indent}  locator: {{en: {_q(f'para. {para}')}, es: {_q(f'párr. {para}')}}}")
            else:
                lines.append(f"{indent}- {sid}")
        return lines

    def bilingual(self, key: str, value: dict[str, str], indent: str = "") -> list[str]:
        return [f"{indent}{key}:", f"{indent}  en: {_q(value['en'])}", f"{indent}  es: {_q(value['es'])}"]

    def refs(self, n_actors: int, n_legal: int) -> list[str]:
        refs = [f"[[actor:{a}]]" for a in self.rng.sample(self.actor_ids, n_actors)]
        refs += [f"[[legal:{x}]]" for x in self.rng.sample(self.legal_ids, n_legal)]
        self.rng.shuffle(refs)
        return refs

    # -- records --------------------------------------------------------------------
    def make_ids(self) -> None:
        for i in range(self.n_actors):
            if i < self.n_states:
                self.state_ids.append(f"state-{i:04d}")
                self.actor_ids.append(f"state-{i:04d}")
            else:
                name = f"{FIRST[i % len(FIRST)]}-{LAST[(i // len(FIRST)) % len(LAST)]}"
                self.actor_ids.append(f"actor-{i:04d}-" + _slug(name))
        self.legal_ids = [f"legal-{i:04d}" for i in range(self.n_legal)]
        for i in range(self.n_sources):
            pub = PUBLISHERS[i % len(PUBLISHERS)]
            sid = f"{_slug(pub)}-{i:05d}"
            self.source_ids.append(sid)
            self.source_lang[sid] = "en" if self.rng.random() < 0.3 else "es"

    def source(self, i: int, sid: str) -> str:
        rng = self.rng
        lang = self.source_lang[sid]
        lines = [
            "# yaml-language-server: $schema=../../schemas/source.schema.json",
            f"title: {_q(self.title(lang))}",
            f"publisher: {_q(PUBLISHERS[i % len(PUBLISHERS)])}",
            f"url: {_q(f'https://news.example.org/{sid}/{rng.randrange(10**9)}')}",
            f"published: {_q(self.date('day'))}",
            f"language: {lang}",
            f"kind: {rng.choice(SOURCE_KINDS)}",
        ]
        if rng.random() < 0.4:
            lines.append(f"author: {_q(rng.choice(FIRST) + ' ' + rng.choice(LAST))}")
        if rng.random() < 0.3:
            lines.append(f"archived_url: {_q(f'https://web.archive.org/web/2025/https://news.example.org/{sid}')}")
        lines.append(f"accessed: {_q(self.date('day'))}")
        if rng.random() < 0.1:
            lines += self.bilingual("notes", self.text_pair(40, 120))
        return "\n".join(lines) + "\n"

    def actor(self, i: int, aid: str) -> str:
        rng = self.rng
        if aid in self.state_ids:
            kind = "state"
            name = {"en": f"Republic of State {i}", "es": f"República del Estado {i}"}
            short = {"en": f"State {i}", "es": f"Estado {i}"}
        else:
            kind = rng.choice(ACTOR_KINDS)
            person = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]} {i}"
            name = {"en": person, "es": person}
            short = name
        lines = [
            "# yaml-language-server: $schema=../../schemas/actor.schema.json",
            f"kind: {kind}",
            f"name: {{en: {_q(name['en'])}, es: {_q(name['es'])}}}",
            f"short_name: {{en: {_q(short['en'])}, es: {_q(short['es'])}}}",
            f"country: {rng.choice(COUNTRIES)}",
        ]
        if rng.random() < 0.5:
            lines.append(f"wikidata: Q{rng.randint(1, 10**8)}")
        others = [a for a in rng.sample(self.actor_ids, 4) if a != aid]
        lines += self.bilingual("summary", self.text_pair(250, 550, [f"[[actor:{a}]]" for a in others[:2]]))
        n_roles = rng.randint(0, 3) if kind == "person" else 0
        if n_roles:
            lines.append("roles:")
            for _ in range(n_roles):
                start = self.date(rng.choice(["day", "month", "year"]))
                lines.append(f"  - title: {{en: {_q(self.title('en')[:50])}, es: {_q(self.title('es')[:50])}}}")
                lines.append(f"    organization: {rng.choice(self.state_ids)}")
                lines.append(f"    from: {_q(start)}")
                if rng.random() < 0.6:
                    end_year = min(int(start[:4]) + rng.randint(1, 4), START_YEAR + YEARS + 3)
                    lines.append(f"    to: {_q(str(end_year))}")
                lines.append("    sources:")
                lines += self.citations(1, 2, "      ")
        n_rel = rng.randint(0, 3)
        if n_rel and len(others) > 2:
            lines.append("relations:")
            for other in others[2 : 2 + n_rel]:
                lines.append(f"  - actor: {other}")
                lines.append(
                    f"    relation: {{en: {_q(rng.choice(['ally of', 'lawyer of', 'minister under', 'critic of']))}, "
                    f"es: {_q(rng.choice(['aliado de', 'abogado de', 'ministro de', 'crítico de']))}}}"
                )
                if rng.random() < 0.5:
                    lines.append(f"    from: {_q(self.date('year'))}")
                lines.append("    sources:")
                lines += self.citations(1, 1, "      ")
        lines.append("sources:")
        lines += self.citations(1, 3, "  ")
        return "\n".join(lines) + "\n"

    def legal(self, i: int, lid: str) -> str:
        rng = self.rng
        kind = LEGAL_KINDS[i % len(LEGAL_KINDS)]
        title = {"en": self.title("en"), "es": self.title("es")}
        lines = [
            "# yaml-language-server: $schema=../../schemas/legal.schema.json",
            f"kind: {kind}",
            f"title: {{en: {_q(title['en'])}, es: {_q(title['es'])}}}",
            f"short_title: {{en: {_q(f'Instrument {i}')}, es: {_q(f'Instrumento {i}')}}}",
            "aliases:",
            f"  - {{en: {_q(f'Alias {i}')}, es: {_q(f'Alias {i}')}}}",
            "adopted:",
            f"  date: {_q(self.date('day'))}",
            f"  place: {{en: {_q('Caracas')}, es: {_q('Caracas')}}}",
        ]
        lines += self.bilingual("summary", self.text_pair(400, 900, self.refs(2, 0)))
        if kind == "treaty":
            lines.append("parties:")
            for state in rng.sample(self.state_ids, min(3, len(self.state_ids))):
                lines.append(f"  - state: {state}")
                lines.append(f"    signed: {_q(self.date('day'))}")
                lines.append("    sources:")
                lines += self.citations(1, 1, "      ")
        lines.append("provisions:")
        for k in range(rng.randint(1, 4)):
            lines.append(f"  - article: {_q(f'Art. {k + 1}')}")
            lines += self.bilingual("excerpt", self.text_pair(80, 250), "    ")
            lines += self.bilingual("summary", self.text_pair(100, 300), "    ")
            lines.append("    sources:")
            lines += self.citations(1, 1, "      ")
        lines += self.bilingual("relevance", self.text_pair(100, 300))
        lines.append(f"text_url: {_q(f'https://treaties.example.org/{lid}')}")
        lines.append("sources:")
        lines += self.citations(1, 3, "  ")
        return "\n".join(lines) + "\n"

    def event(self, date: str, eid: str, key: bool, disputed: bool) -> str:
        rng = self.rng
        actors = rng.sample(self.actor_ids, rng.randint(1, 5))
        legal = rng.sample(self.legal_ids, rng.randint(0, 2))
        refs = [f"[[actor:{a}]]" for a in actors[:3]] + [f"[[legal:{x}]]" for x in legal[:1]]
        lines = ["# yaml-language-server: $schema=../../schemas/event.schema.json", f"date: {_q(date)}"]
        lines += self.bilingual("title", {"en": self.title("en"), "es": self.title("es")})
        lines += self.bilingual("summary", self.text_pair(300, 700, refs))
        lines.append(f"actors: [{', '.join(actors)}]")
        if legal:
            lines.append(f"legal: [{', '.join(legal)}]")
        lines.append(
            f"tags: [{', '.join(rng.sample(['asylum', 'diplomacy', 'courts', 'congress', 'precedent', 'protest'], 2))}]"
        )
        if key:
            lines.append("key: true")
        lines.append("sources:")
        lines += self.citations(1, 4, "  ")
        if disputed:
            lines.append("disputed:")
            lines.append(f"  - field: {rng.choice(['summary', 'title', 'other'])}")
            lines += self.bilingual("value", self.text_pair(60, 200), "    ")
            lines.append("    sources:")
            lines += self.citations(1, 2, "      ")
            lines += self.bilingual("note", self.text_pair(100, 300), "    ")
        return "\n".join(lines) + "\n"

    def question(self, i: int) -> str:
        rng = self.rng
        lines = ["# yaml-language-server: $schema=../../schemas/question.schema.json"]
        lines.append(f"question: {{en: {_q(self.title('en') + '?')}, es: {_q('¿' + self.title('es') + '?')}}}")
        lines += self.bilingual(
            "answer", self.text_pair(600, 1100, self.refs(3, 2) + [f"[[event:{rng.choice(self.event_ids)}]]"])
        )
        lines.append(f"order: {i}")
        lines.append(f"status: {rng.choice(['answered', 'answered', 'open'])}")
        lines.append("positions:")
        for state in rng.sample(self.state_ids, 2):
            lines.append(f"  - actor: {state}")
            lines += self.bilingual("position", self.text_pair(150, 350), "    ")
            lines.append("    sources:")
            lines += self.citations(1, 2, "      ")
        lines.append(f"events: [{', '.join(rng.sample(self.event_ids, min(6, len(self.event_ids))))}]")
        lines.append(f"actors: [{', '.join(rng.sample(self.actor_ids, 4))}]")
        lines.append(f"legal: [{', '.join(rng.sample(self.legal_ids, 2))}]")
        lines.append("sources:")
        lines += self.citations(2, 4, "  ")
        return "\n".join(lines) + "\n"

    def site(self) -> str:
        lines = [
            'title: {en: "Synthetic benchmark explainer", es: "Explicador sintético de referencia"}',
            "tagline:",
            f"  en: {_q(self.sentence('en', 20, 30))}",
            f"  es: {_q(self.sentence('es', 20, 30))}",
            "languages: [en, es]",
            'site_url: "https://bench.example.org/explainer/"',
            'reviewed: "2026-01-15"',
        ]
        lines += self.bilingual("summary", self.text_pair(600, 1000, self.refs(3, 1)))
        lines.append("key_facts:")
        for _ in range(4):
            lines.append(f"  - label: {{en: {_q(self.words('en', 3))}, es: {_q(self.words('es', 3))}}}")
            lines.append(f"    value: {{en: {_q(self.sentence('en', 6, 12))}, es: {_q(self.sentence('es', 6, 12))}}}")
            lines.append("    sources:")
            lines += self.citations(1, 2, "      ")
        return "\n".join(lines) + "\n"

    # -- tree -----------------------------------------------------------------------
    def write(self, project: Path) -> dict[str, int]:
        content = project / "content"
        for sub in ("events", "actors", "sources", "legal", "questions", "pages"):
            (content / sub).mkdir(parents=True, exist_ok=True)
        self.make_ids()
        # Events first (dates decide ids), so that most sources are first cited by events.
        dated = []
        for i in range(self.n_events):
            date = self.date()
            dated.append((date, i))
        files: dict[str, str] = {}
        # Sources are written last but their ids and languages are fixed now.
        event_specs = []
        for date, i in dated:
            eid = f"{date}-event-{i:06d}"
            self.event_ids.append(eid)
            event_specs.append((date, eid))
        n_key = max(1, round(self.n_events * 0.05))
        n_disputed = max(1, round(self.n_events * 0.03))
        key_set = set(self.rng.sample(range(self.n_events), n_key))
        disputed_set = set(self.rng.sample(range(self.n_events), n_disputed))
        for i, (date, eid) in enumerate(event_specs):
            files[f"events/{eid}.yml"] = self.event(date, eid, i in key_set, i in disputed_set)
        for i, aid in enumerate(self.actor_ids):
            files[f"actors/{aid}.yml"] = self.actor(i, aid)
        for i, lid in enumerate(self.legal_ids):
            files[f"legal/{lid}.yml"] = self.legal(i, lid)
        for i in range(self.n_questions):
            files[f"questions/question-{i:04d}.yml"] = self.question(i)
        files["site.yml"] = self.site()
        # Any source not yet cited (small sizes): cite it from the last event.
        if self._next_source < len(self.source_ids):
            rest = self.source_ids[self._next_source :]
            last = f"events/{event_specs[-1][1]}.yml"
            text = files[last]
            head, sep, tail = text.partition("sources:\n")
            files[last] = head + sep + "".join(f"  - {sid}\n" for sid in rest) + tail
            self._next_source = len(self.source_ids)
        for i, sid in enumerate(self.source_ids):
            files[f"sources/{sid}.yml"] = self.source(i, sid)
        for lang, suffix in (("en", ""), ("es", ".es")):
            body = "\n\n".join(self.prose(lang, 300, 600, self.refs(1, 1)) for _ in range(3))
            files[f"pages/about{suffix}.md"] = (
                f"---\ntitle: {_q('About' if lang == 'en' else 'Acerca de')}\n"
                f"description: {_q(self.sentence(lang, 8, 14))}\norder: 1\n---\n\n{body}\n"
            )
        for rel, text in files.items():
            (content / rel).write_text(text, encoding="utf-8")
        return {
            "events": self.n_events,
            "actors": self.n_actors,
            "sources": self.n_sources,
            "legal": self.n_legal,
            "questions": self.n_questions,
            "files": len(files),
            "bytes": sum(len(t.encode("utf-8")) for t in files.values()),
        }


def _slug(text: str) -> str:
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = "".join(c.lower() if c.isalnum() else "-" for c in ascii_text)
    return "-".join(p for p in out.split("-") if p)


def make(project: Path, n_events: int, seed: int = 20251125) -> dict[str, int]:
    """Write `project/content/` for `n_events` events; returns counts and total bytes."""
    return Maker(n_events, seed).write(Path(project))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("project", type=Path)
    ap.add_argument("events", type=int)
    ap.add_argument("--seed", type=int, default=20251125)
    args = ap.parse_args()
    print(make(args.project, args.events, args.seed))


if __name__ == "__main__":
    main()
