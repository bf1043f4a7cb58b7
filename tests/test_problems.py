"""Problems are data; formatters show them."""

import json

from generator.problems import Problem, Severity, render, summary


def test_formats() -> None:
    problems = [
        Problem("b.yml", 2, 1, Severity.WARNING, "w", "second"),
        Problem("a.yml", 1, 3, Severity.ERROR, "e", "50% off\nnow"),
    ]
    assert render(problems, "text").splitlines() == [
        "a.yml:1:3: error: 50% off",
        "now [e]",
        "b.yml:2:1: warning: second [w]",
    ]
    assert render(problems, "github").splitlines()[0] == "::error file=a.yml,line=1,col=3,title=e::50%25 off%0Anow"
    assert json.loads(render(problems, "json"))[1]["severity"] == "warning"
    assert summary(problems) == "1 error(s), 1 warning(s)"
    assert render(problems + problems, "text") == render(problems, "text")
