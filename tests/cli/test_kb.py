from __future__ import annotations

import getpass
import time
from pathlib import Path

import pytest

from bot.kb.loader import load_knowledge
from bot.service import FoiService
from tests.cli.conftest import MINIMAL, run, store_of, write


def count(env: Path) -> int:
    with store_of(env) as store:
        return store.knowledge.count_entries()


def test_add_minimal_entry_is_answered_and_recorded(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["kb", "add", str(write(env / "new.yaml", MINIMAL))], capsys)
    assert code == 0
    assert out.strip() == "antwort-der-stadt-dortmund"
    code, out, _ = run(["ask", "Hat Dortmund externe Berater bezahlt?"], capsys)
    assert out.startswith("Nein, laut Antwort der Stadt Dortmund nicht.")
    code, out, _ = run(["kb", "history", "antwort-der-stadt-dortmund"], capsys)
    assert f"\tadd\tcli:{getpass.getuser()}" in out


def test_bulk_add_of_thousands_takes_seconds(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = "---\n".join(
        f"id: bulk-{i}\ntitle: Eintrag {i}\nquestion: Frage Nummer {i} zu Thema {i % 97}?\n"
        f"answer: Antwort {i}.\nsource_url: https://example.org/{i}\n"
        for i in range(3000)
    )
    started = time.perf_counter()
    code, out, _ = run(["kb", "add", str(write(env / "bulk.yaml", docs))], capsys)
    elapsed = time.perf_counter() - started
    assert code == 0
    assert len(out.split()) == 3000
    assert elapsed < 20, f"bulk add took {elapsed:.1f}s"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title: [unclosed\n", "invalid YAML"),
        ("title: T\nquestion: Q?\nsource_url: https://example.org/\n", "answer: Field required"),
        ("title: T\nquestion: Q?\nanswer: A\nsource_url: ftp://example.org/\n", "not an http(s) URL"),
        (MINIMAL + "id: Bad Id\n", "id: String should match pattern"),
        (MINIMAL + "---\n- just a list\n", ":6: expected a mapping"),
    ],
)
def test_invalid_input_is_reported_with_file_and_line_and_changes_nothing(
    env: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    before = count(env)
    file = write(env / "bad.yaml", text)
    code, out, err = run(["kb", "add", str(file)], capsys)
    assert code == 1
    assert f"{file}:" in out
    assert message in out
    assert "nothing was changed" in err
    assert count(env) == before


def test_duplicate_id_is_refused(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = count(env)
    file = write(env / "dup.yaml", MINIMAL + "id: sci-2021-methodik\n")
    code, _, err = run(["kb", "add", str(file)], capsys)
    assert code == 1
    assert f"{file}:1: id: 'sci-2021-methodik' exists already" in err
    assert count(env) == before


def test_one_bad_file_of_several_adds_nothing(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = count(env)
    good = write(env / "good.yaml", MINIMAL)
    bad = write(env / "bad.yaml", "title: T\n")
    assert run(["kb", "add", str(good), str(bad)], capsys)[0] == 1
    assert count(env) == before


@pytest.mark.parametrize("command", [["show"], ["remove"], ["history"]])
def test_unknown_ids(env: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    code, _, err = run(["kb", *command, "no-such-entry"], capsys)
    assert code == 1
    assert "no-such-entry" in err


def test_edit_and_remove_record_history(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["kb", "add", str(write(env / "new.yaml", MINIMAL))], capsys)
    edited = write(env / "edit.yaml", MINIMAL.replace("nicht.", "nicht; das war 2022."))
    assert run(["kb", "edit", "antwort-der-stadt-dortmund", str(edited)], capsys)[0] == 0
    _, out, _ = run(["kb", "show", "antwort-der-stadt-dortmund"], capsys)
    assert "das war 2022" in out
    assert "origin: cli" in out
    assert run(["kb", "remove", "antwort-der-stadt-dortmund"], capsys)[0] == 0
    _code, out, _ = run(["kb", "history", "antwort-der-stadt-dortmund"], capsys)
    actions = [line.split("\t")[1] for line in out.splitlines()]
    assert actions == ["add", "edit", "remove"]
    assert out.splitlines()[1].split("\t")[3].startswith("answer")


def test_entries_from_the_reviewed_files_are_read_only(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["kb", "remove", "sci-2021-methodik"], capsys)
    assert code == 1
    assert "comes from the knowledge files" in err
    edited = write(env / "e.yaml", MINIMAL)
    assert run(["kb", "edit", "sci-2021-methodik", str(edited)], capsys)[0] == 1


def test_list_filters_by_kind(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _ = run(["kb", "list", "--kind", "foi_answer"], capsys)
    assert [line.split("\t")[0] for line in out.splitlines()] == ["257364-externe-beratung"]


def test_export_then_load_gives_the_same_base(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["kb", "add", str(write(env / "new.yaml", MINIMAL))], capsys)
    assert run(["kb", "export", str(env / "out")], capsys)[0] == 0
    exported = load_knowledge(env / "out")
    with store_of(env) as store:
        assert sorted(exported.entries, key=lambda e: e.id) == store.knowledge.all_entries()
        assert exported.rows == store.knowledge.ranking_rows()
        assert exported.requests == store.knowledge.requests()
        assert exported.aliases == store.knowledge.aliases()
        named = {s.url: s for s in exported.sources}
        assert all(named[s.url] == s for s in store.knowledge.sources())
    assert named["https://fragdenstaat.de/a/257364/"].date == "2022-09-20"
    assert named["https://fragdenstaat.de/a/111111/"].name == "fragdenstaat.de", "an added entry's source"


def test_unanswered_and_feedback_reports(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    service = FoiService(store_of(env))
    for question in ["Was kostet ein Parkausweis?", "was kostet ein Parkausweis", "Wie wird das Wetter?"]:
        service.record_unanswered(service.ask(question), 7, "private")
    service.record_feedback("sci-2021-methodik", 7, helpful=False)
    service.close()
    _, out, _ = run(["kb", "unanswered"], capsys)
    lines = out.splitlines()
    assert lines[0].startswith("2\t")
    assert "Parkausweis" in lines[0]
    _, out, _ = run(["kb", "unanswered", "--since", "2999-01-01"], capsys)
    assert out == ""
    _code, out, _ = run(["kb", "feedback"], capsys)
    assert out.splitlines() == ["sci-2021-methodik\t👍 0\t👎 1"]


def test_reach_lists_texts_their_entry_is_not_tagged_for(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["kb", "reach"], capsys) == (0, "", "")
    tagged = MINIMAL + "phrasings: [Hat Essen Berater bezahlt?]\ntags: {cities: [Dortmund]}\n"
    assert run(["kb", "add", str(write(env / "new.yaml", tagged))], capsys)[0] == 0
    code, out, err = run(["kb", "reach"], capsys)
    assert code == 1
    assert out == "antwort-der-stadt-dortmund\tcity Essen\tHat Essen Berater bezahlt?\n"
    assert err.startswith("1 text(s) name what their entry is not tagged with")
