"""Interface strings and date formats per language.

Why: the generated pages say "Sources", "Key moments" and "6 November 2025"
in the page's language; a new language is one more table here plus content.
"""

from __future__ import annotations

from typing import Any

from .model import PartialDate

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
}

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "home": "Home", "chronology": "Chronology", "actors": "Who is who", "legal": "The law", "questions": "Questions",
        "sources": "Sources", "disputes": "Where sources differ", "key_moments": "Key moments", "key_moment": "Key moment", "as_above": "the account above", "key_facts": "Key facts",
        "in_brief": "What happened, in brief", "latest": "Latest developments", "events": "Events", "event": "Event",
        "roles": "Roles", "relations": "Relations", "appears_in": "Appears in these events", "mentioned_in": "Mentioned in",
        "cited_by": "Cited by", "provisions": "Key provisions", "parties": "Parties", "relevance": "How it bears on this story",
        "official_text": "Official text", "adopted": "Adopted", "signed": "signed", "ratified": "ratified",
        "sources_differ": "Sources differ", "this_page_says": "This page says", "other_sources_say": "Other sources say",
        "note": "Note", "single_source": "Single source", "n_sources": "{n} independent sources", "one_source": "1 source",
        "reviewed": "Content last reviewed on {date}.", "since": "since", "until": "until", "present": "present",
        "positions": "What each side says", "related": "Related", "status_open": "Open question",
        "status_unverified": "Unverified", "publisher": "Publisher", "published": "Published", "language": "Language",
        "kind": "Kind", "archived": "archived copy", "accessed": "accessed", "notes": "Notes", "not_cited": "Not cited yet.",
        "permalink": "Permalink", "by_year": "By year", "all_events": "All events", "translation": "Translation",
        "not_translated": "Not yet translated: shown in the original language.", "quote": "Quote", "actor_kind": "Kind",
        "country": "Country", "field_date": "date", "field_title": "title", "field_summary": "summary", "field_from": "start",
        "field_to": "end", "field_other": "detail", "disputes_intro": "Every fact on which the sources we cite disagree, with each version and who says it.",
        "no_disputes": "No disagreements are recorded.", "questions_intro": "Short, sourced answers to what readers ask.",
        "actors_intro": "The people, states and institutions in this story.", "legal_intro": "The treaties, court cases and concepts that govern diplomatic asylum and relations.",
        "sources_intro": "Every document this explainer cites, with the pages that cite it.",
        "chronology_intro": "Every dated development, oldest first, grouped by year and month.",
        "timeline_label": "Timeline of key moments", "year_precision": "year only", "month_precision": "month only",
        "kind_person": "Person", "kind_state": "State", "kind_government-body": "Government body", "kind_legislature": "Legislature",
        "kind_court": "Court", "kind_organization": "Organization", "kind_party": "Political party",
        "kind_treaty": "Treaty", "kind_provision": "Provision", "kind_court-case": "Court case", "kind_concept": "Concept",
        "kind_domestic-law": "Domestic law", "kind_resolution": "Resolution",
        "kind_news": "News", "kind_wire": "News agency", "kind_official-statement": "Official statement",
        "kind_legal-text": "Legal text", "kind_court-decision": "Court decision", "kind_reference": "Reference",
        "people": "People", "states": "States", "institutions": "Institutions", "concepts": "Concepts",
        "treaties": "Treaties and laws", "cases": "Court cases", "answer": "Answer",
        "graph_title": "Who is who: how the actors are linked",
        "graph_desc": "Circles are people, squares are states, diamonds are institutions; lines are relations and offices held. Every actor is also listed in text on this page.",
        "neighbourhood_title": "{name} and the actors linked to them",
        "data": "Download the data", "data_intro": "The whole curated dataset behind this site, free to reuse with attribution.",
        "data_json": "every record (sources, actors, events, law, questions) exactly as curated, in JSON",
        "data_csv": "the chronology, one row per event, titles and summaries in every language, with source links",
        "data_ics": "the chronology as a calendar (iCalendar), to open in a calendar application",
        "data_licence": "Dates keep the precision the sources give: a month or a year is not a day.",
        "n_events": "{n} events", "to_dark": "Switch to dark mode", "to_light": "Switch to light mode",
        "timeline_hint": "Scroll sideways to see the whole timeline.",
        "added_on": "Added on {date}", "updated_on": "updated on {date}", "corrections": "Corrections",
        "whats_new": "What's new", "whats_new_intro": "Every addition, update and correction to this explainer, newest first.",
        "change_added": "Added", "change_updated": "Updated", "change_correction": "Correction", "feed": "Atom feed of changes",
        "subscribe": "Follow changes in a feed reader:",
        "not_found_title": "Page not found", "not_found_text": "This page does not exist, or it moved. Try the search, or start from one of these pages:",
    },
    "es": {
        "home": "Inicio", "chronology": "Cronología", "actors": "Quién es quién", "legal": "El derecho", "questions": "Preguntas",
        "sources": "Fuentes", "disputes": "Donde las fuentes difieren", "key_moments": "Momentos clave", "key_moment": "Momento clave", "as_above": "el relato de arriba", "key_facts": "Datos clave",
        "in_brief": "Qué pasó, en breve", "latest": "Últimos acontecimientos", "events": "Hechos", "event": "Hecho",
        "roles": "Cargos", "relations": "Relaciones", "appears_in": "Aparece en estos hechos", "mentioned_in": "Mencionado en",
        "cited_by": "Citada en", "provisions": "Disposiciones clave", "parties": "Estados parte", "relevance": "Qué tiene que ver con esta historia",
        "official_text": "Texto oficial", "adopted": "Adoptado", "signed": "firma", "ratified": "ratificación",
        "sources_differ": "Las fuentes difieren", "this_page_says": "Esta página dice", "other_sources_say": "Otras fuentes dicen",
        "note": "Nota", "single_source": "Una sola fuente", "n_sources": "{n} fuentes independientes", "one_source": "1 fuente",
        "reviewed": "Contenido revisado por última vez el {date}.", "since": "desde", "until": "hasta", "present": "la actualidad",
        "positions": "Qué dice cada parte", "related": "Relacionado", "status_open": "Pregunta abierta",
        "status_unverified": "Sin verificar", "publisher": "Editor", "published": "Publicado", "language": "Idioma",
        "kind": "Tipo", "archived": "copia archivada", "accessed": "consultado", "notes": "Notas", "not_cited": "Aún no citada.",
        "permalink": "Enlace permanente", "by_year": "Por año", "all_events": "Todos los hechos", "translation": "Traducción",
        "not_translated": "Aún sin traducir: se muestra en el idioma original.", "quote": "Cita", "actor_kind": "Tipo",
        "country": "País", "field_date": "fecha", "field_title": "título", "field_summary": "resumen", "field_from": "inicio",
        "field_to": "fin", "field_other": "detalle", "disputes_intro": "Cada hecho en el que las fuentes citadas no coinciden, con cada versión y quién la sostiene.",
        "no_disputes": "No hay discrepancias registradas.", "questions_intro": "Respuestas breves y con fuentes a lo que preguntan los lectores.",
        "actors_intro": "Las personas, Estados e instituciones de esta historia.", "legal_intro": "Los tratados, casos judiciales y conceptos que rigen el asilo diplomático y las relaciones entre Estados.",
        "sources_intro": "Cada documento que cita este explicativo, con las páginas que lo citan.",
        "chronology_intro": "Cada hecho fechado, del más antiguo al más reciente, agrupado por año y mes.",
        "timeline_label": "Línea de tiempo de los momentos clave", "year_precision": "solo el año", "month_precision": "solo el mes",
        "kind_person": "Persona", "kind_state": "Estado", "kind_government-body": "Órgano de gobierno", "kind_legislature": "Poder legislativo",
        "kind_court": "Tribunal", "kind_organization": "Organización", "kind_party": "Partido político",
        "kind_treaty": "Tratado", "kind_provision": "Disposición", "kind_court-case": "Caso judicial", "kind_concept": "Concepto",
        "kind_domestic-law": "Derecho interno", "kind_resolution": "Resolución",
        "kind_news": "Noticia", "kind_wire": "Agencia de noticias", "kind_official-statement": "Comunicado oficial",
        "kind_legal-text": "Texto jurídico", "kind_court-decision": "Decisión judicial", "kind_reference": "Referencia",
        "people": "Personas", "states": "Estados", "institutions": "Instituciones", "concepts": "Conceptos",
        "treaties": "Tratados y leyes", "cases": "Casos judiciales", "answer": "Respuesta",
        "graph_title": "Quién es quién: cómo se relacionan los actores",
        "graph_desc": "Los círculos son personas, los cuadrados Estados y los rombos instituciones; las líneas son relaciones y cargos. Cada actor figura también en texto en esta página.",
        "neighbourhood_title": "{name} y los actores relacionados",
        "data": "Descargar los datos", "data_intro": "Todo el conjunto de datos curado de este sitio, libre para reutilizar citando la fuente.",
        "data_json": "cada registro (fuentes, actores, hechos, derecho, preguntas) tal como se curó, en JSON",
        "data_csv": "la cronología, una fila por hecho, con títulos y resúmenes en cada idioma y enlaces a las fuentes",
        "data_ics": "la cronología como calendario (iCalendar), para abrirla en una aplicación de calendario",
        "data_licence": "Las fechas conservan la precisión que dan las fuentes: un mes o un año no es un día.",
        "n_events": "{n} hechos", "to_dark": "Cambiar al modo oscuro", "to_light": "Cambiar al modo claro",
        "timeline_hint": "Desplace hacia los lados para ver toda la línea de tiempo.",
        "added_on": "Añadido el {date}", "updated_on": "actualizado el {date}", "corrections": "Correcciones",
        "whats_new": "Novedades", "whats_new_intro": "Cada incorporación, actualización y corrección de este explicativo, de la más reciente a la más antigua.",
        "change_added": "Añadido", "change_updated": "Actualizado", "change_correction": "Corrección", "feed": "Canal Atom de cambios",
        "subscribe": "Siga los cambios en un lector de canales:",
        "not_found_title": "Página no encontrada", "not_found_text": "Esta página no existe o cambió de lugar. Pruebe la búsqueda o empiece por una de estas páginas:",
    },
}

# Portuguese reuses the Spanish table where no translation exists yet; listed so a
# third language can be switched on (and tested) without code changes.
STRINGS["pt"] = {
    **STRINGS["es"],
    "home": "Início", "chronology": "Cronologia", "actors": "Quem é quem", "legal": "O direito", "questions": "Perguntas",
    "sources": "Fontes", "disputes": "Onde as fontes divergem", "key_moments": "Momentos-chave", "key_facts": "Fatos-chave",
    "in_brief": "O que aconteceu, em resumo", "latest": "Últimos acontecimentos", "events": "Fatos",
    "sources_differ": "As fontes divergem", "reviewed": "Conteúdo revisado pela última vez em {date}.",
    "single_source": "Fonte única", "n_sources": "{n} fontes independentes", "one_source": "1 fonte",
    "not_translated": "Ainda não traduzido: mostrado no idioma original.",
    "n_events": "{n} fatos", "to_dark": "Mudar para o modo escuro", "to_light": "Mudar para o modo claro",
}

SUPPORTED = frozenset(STRINGS)


def t(lang: str, key: str, **values: Any) -> str:
    """An interface string in `lang`."""
    text = STRINGS[lang][key]
    return text.format(**values) if values else text


def format_date(date: str | PartialDate, lang: str) -> str:
    """A date as readers write it, keeping its precision: `6 November 2025`, `noviembre de 2025`, `2025`."""
    d = PartialDate.parse(date) if isinstance(date, str) else date
    months = MONTHS[lang]
    if not d.month:
        return str(d.year)
    month = months[d.month - 1]
    if lang == "en":
        return f"{d.day} {month} {d.year}" if d.day else f"{month} {d.year}"
    if d.day:
        return f"{d.day} de {month} de {d.year}"
    return f"{month} de {d.year}"


def month_name(month: int, lang: str) -> str:
    """Month name, capitalised for headings."""
    name = MONTHS[lang][month - 1]
    return name[0].upper() + name[1:]
