"""One-off import of the research notes' source list into content/sources/ (kept for the record)."""
import re, sys, unicodedata, pathlib
facts = pathlib.Path(sys.argv[1]).read_text()
out = pathlib.Path(sys.argv[2])
rows = [l for l in facts.splitlines() if re.match(r"^\| S\d{3} \|", l)]
def slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")
KIND = [("court", "court-decision"), ("treaty", "legal-text"), ("un text", "legal-text"), ("un document", "official-statement"),
        ("official", "official-statement"), ("state news", "wire"), ("wire", "wire"), ("news", "news"), ("legal news", "news")]
SPANISH = re.compile(r"\b(de|la|el|y|en|del|los|las|por|con|para|que|sobre)\b", re.I)
PT = re.compile(r"\b(do|da|é|são|não)\b", re.I)
used = {}
table = []
for l in rows:
    cells = [c.strip() for c in l.strip().strip("|").split(" | ")]
    sid, url, title, publisher, date, kind = cells[:6]
    m = re.match(r"https?://(?:www\.|today\.|en\.|ptop\.only\.wip\.la:443/https/www\.)?([^/]+)", url)
    host = m.group(1).split(".")[0] if m else "source"
    d = date if re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", date) else (date[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", date) else "")
    base = slug(host) + (f"-{d}" if d else "")
    words = [w for w in slug(title.strip("[]")).split("-") if len(w) > 3][:6]
    sid_new = base; i = 0
    while sid_new in used:
        sid_new = base + "-" + "-".join(words[: i + 1]) if i < len(words) else f"{base}-{i}"
        i += 1
    used[sid_new] = sid
    k = "reference"
    kl = kind.lower()
    for key, val in KIND:
        if key in kl:
            k = val; break
    if any(w in kl for w in ("aggregator", "encyclopedia", "blog", "digest", "database", "explainer", "low-quality", "academic")):
        k = "reference"
    lang = "es" if len(SPANISH.findall(title)) >= 1 and not re.search(r"\b(the|of|and)\b", title, re.I) else "en"
    if PT.search(title) and "br" in url: lang = "pt"
    t = title
    notes = ""
    if t.startswith("[") and t.endswith("]"):
        notes = "Title is descriptive: the exact headline was not seen in the stored copy."
    caveat = re.search(r"\(([^)]*)\)", kind)
    if caveat:
        notes = (notes + " " if notes else "") + f"Research note: {caveat.group(1)}."
    def q(s): return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    lines = ["# yaml-language-server: $schema=../../schemas/source.schema.json",
             f"title: {q(t)}", f"publisher: {q(publisher)}", f"url: {q(url)}"]
    if d: lines.append(f"published: {q(d)}")
    lines += [f"language: {lang}", f"kind: {k}", 'accessed: "2026-11-22"']
    if notes: lines.append(f"notes: {q(notes)}")
    (out / f"{sid_new}.yml").write_text("\n".join(lines) + "\n")
    table.append(f"{sid}\t{sid_new}\t{url}")
(out.parent.parent / ".work").mkdir(exist_ok=True)
(out.parent.parent / ".work" / "source-ids.tsv").write_text("\n".join(table) + "\n")
print(len(table))
