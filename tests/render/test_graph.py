"""The who-is-who diagram: deterministic, every node a link, labels escaped."""

from xml.etree import ElementTree

from generator.render.graph import Edge, Graph, Node, neighbourhood_svg, overview_svg
from generator.render.labels import Labels

NODES = [
    Node("peru", "Peru", "state", "../peru/"),
    Node("mexico", "Mexico", "state", "../mexico/"),
    Node("chavez", "Betssy <Chávez>", "person", "../chavez/"),
    Node("sre", "SRE", "government-body", "../sre/"),
]
EDGES = [
    Edge("chavez", "mexico", "asylum"),
    Edge("mexico", "sre", "ministry", weak=True),
    Edge("peru", "mexico", "rupture"),
]


def test_overview_is_deterministic_and_linked() -> None:
    one = str(overview_svg(NODES, EDGES, "Who", "desc"))
    assert one == str(overview_svg(list(reversed(NODES)), EDGES, "Who", "desc"))
    root = ElementTree.fromstring(one)
    hrefs = sorted(a.get("href") for a in root.iter("{http://www.w3.org/2000/svg}a"))
    assert hrefs == ["../chavez/", "../mexico/", "../peru/", "../sre/"]
    assert "Betssy &lt;Chávez&gt;" in one


def test_neighbourhood_centres_the_actor() -> None:
    svg = str(neighbourhood_svg(NODES[1], [NODES[0], NODES[2]], EDGES[::2], "Mexico", "desc"))
    assert 'class="graph-node graph-center" href="../mexico/"' in svg
    assert neighbourhood_svg(NODES[1], [], [], "x", "y") == ""


def test_edges_of_the_content(es: Labels) -> None:
    graph = Graph(es)
    edges = graph.edges()
    assert edges is graph.edges()  # worked out once per edition
    # A relation is a strong line; an office held in an organization a weak one.
    assert edges == [
        Edge("alpha", "beta", "Alfa: su abogado es Beta Abogado"),
        Edge("alpha", "land", "Alfa: Ministra", weak=True),
    ]
    assert all("alpha" in (e.a, e.b) for e in graph.edges_of("alpha"))


def test_diagrams_link_from_the_page(es: Labels) -> None:
    graph = Graph(es)
    overview = ElementTree.fromstring(str(graph.svg("actors/index.md")))
    links = {a.get("href") for a in overview.iter("{http://www.w3.org/2000/svg}a")}
    assert "alpha/" in links
    around = ElementTree.fromstring(str(graph.svg("actors/alpha.md", "alpha")))
    links = {a.get("href") for a in around.iter("{http://www.w3.org/2000/svg}a")}
    assert {"../beta/", "../land/"} <= links
