"""The who-is-who map: the centre first, a column per side, ties written out, every actor a link, text escaped."""

from xml.etree import ElementTree

from generator.render.graph import Edge, Graph, Map, Node, draw
from generator.render.labels import Labels

NODES = [
    Node("peru", "Peru", "state", "../peru/", side="peru"),
    Node("mexico", "Mexico", "state", "../mexico/", side="mexico"),
    Node("chavez", "Betssy <Chávez>", "person", "../chavez/", side="peru", role="Prime Minister"),
    Node("sre", "SRE", "government-body", "../sre/", side="mexico"),
    Node("oas", "OAS", "organization", "../oas/"),
]
EDGES = [
    Edge("chavez", "mexico", "", subject="mexico", text="granted asylum to"),
    Edge("mexico", "sre", "", weak=True, subject="sre", text="ministry"),
    Edge("mexico", "peru", "", subject="peru", text="broke relations with"),
]


def _sections(html: str) -> list[list[str | None]]:
    root = ElementTree.fromstring(html)
    return [[a.text for a in s.iter("a") if a.get("class") == "graph-node"] for s in root.iter("section")]


def test_overview_groups_by_side() -> None:
    html = str(draw(Map(NODES, EDGES, ["peru", "mexico"], "chavez"), "Who", "desc", "en"))
    assert html.index("Betssy &lt;Chávez&gt;") < html.index(">Peru<")  # the centre comes first
    assert _sections(html) == [["Peru"], ["Mexico", "SRE"], ["OAS"]]
    assert "Other countries and international bodies" in html and "At the centre of the story" in html
    assert 'granted asylum to <a href="../chavez/">Betssy &lt;Chávez&gt;</a>' in html
    assert '<span class="wiw-role">Prime Minister</span>' in html
    assert "ministry" not in html  # an office is shown as the role, not as a tie


def test_focus_map_writes_each_tie_in_full() -> None:
    html = str(draw(Map(NODES[:3], EDGES[::2], ["peru", "mexico"], "chavez"), "Around", "d", "en", focus="chavez"))
    assert "At the centre" not in html
    assert "Mexico granted asylum to Betssy &lt;Chávez&gt;" in html


def test_edges_of_the_content(es: Labels) -> None:
    graph = Graph(es)
    edges = graph.edges()
    assert edges is graph.edges()  # worked out once per edition
    # A relation is a strong tie; an office held in an organization a weak one.
    assert [(e.a, e.b, e.weak, e.subject, e.text) for e in edges] == [
        ("alpha", "beta", False, "alpha", "su abogado es"),
        ("alpha", "land", True, "alpha", "Ministra"),
    ]
    assert edges[0].label == "Alfa: su abogado es Beta Abogado"
    assert all("alpha" in (e.a, e.b) for e in graph.edges_of("alpha"))


def test_maps_link_from_the_page(es: Labels) -> None:
    graph = Graph(es)
    overview = ElementTree.fromstring(str(graph.svg("actors/index.md")))
    assert "alpha/" in {a.get("href") for a in overview.iter("a")}
    around = ElementTree.fromstring(str(graph.svg("actors/alpha.md", "alpha")))
    assert {"../beta/", "../land/"} <= {a.get("href") for a in around.iter("a")}
