"""The who-is-who diagram: deterministic, every node a link, labels escaped."""

from xml.etree import ElementTree

from generator.render.graph import Edge, Node, neighbourhood_svg, overview_svg

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
