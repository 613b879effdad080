"""The command line behaves like a Unix tool: quiet on a closed pipe, valid UTF-8 whatever comes in, never silent,
no duplicates, files that round-trip, errors that name the field written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from tests.cli.conftest import MINIMAL, run, store_of, write
from tests.conftest import REPO


@pytest.mark.parametrize(
    "command", ["kb list", "ask 'Welchen Platz hatte Bochum 2021?'", "kb show 257364-externe-beratung"]
)
def test_a_closed_pipe_ends_quietly(env: Path, command: str) -> None:
    done = subprocess.run(
        f"{sys.executable} -m bot {command} | head -c 1 > /dev/null",
        shell=True,
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in done.stderr
    assert "BrokenPipeError" not in done.stderr


def test_invalid_utf8_on_stdin_gives_valid_utf8_json_line_by_line(env: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "-"],
        input=b"Welchen Platz hatte Bochum 2021?\n\xff\xfe kaputt \xc3\n\n",
        cwd=REPO,
        capture_output=True,
        check=True,
    )
    lines = done.stdout.decode("utf-8").splitlines()  # strict: fails on invalid UTF-8
    assert len(lines) == 3
    assert [json.loads(line)["answered"] for line in lines] == [True, False, False]
    assert "\ufffd" in json.loads(lines[1])["question"]


def test_nothing_to_list_is_said(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for args, said in (
        (["kb", "unanswered"], "no unanswered questions"),
        (["kb", "feedback"], "no feedback yet"),
        (["kb", "watch"], "no request is watched"),
        (["kb", "watch", "--check"], "no request is watched"),
    ):
        code, out, err = run(args, capsys)
        assert code == 0
        assert out == ""
        assert said in err


def test_an_empty_file_adds_nothing_and_says_so(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["kb", "add", str(write(env / "empty.yaml", "# nothing yet\n"))], capsys)
    assert code == 1
    assert "no entries found" in err


def test_the_same_entry_twice_is_a_duplicate_not_a_second_id(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = write(env / "new.yaml", MINIMAL)
    assert run(["kb", "add", str(new)], capsys)[0] == 0
    code, _, err = run(["kb", "add", str(new)], capsys)
    assert code == 1
    assert "the same question and source as entry 'antwort-der-stadt-dortmund'" in err
    assert run(["kb", "show", "antwort-der-stadt-dortmund-2"], capsys)[0] == 1


def test_show_then_edit_round_trips(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["kb", "add", str(write(env / "new.yaml", MINIMAL))], capsys)
    code, shown, _ = run(["kb", "show", "antwort-der-stadt-dortmund"], capsys)
    assert code == 0
    assert shown.startswith("# origin: cli\n")
    changed = write(env / "shown.yaml", shown.replace("Nein, laut", "Nein, so sagt"))
    assert run(["kb", "edit", "antwort-der-stadt-dortmund", str(changed)], capsys)[0] == 0
    assert "Nein, so sagt" in run(["kb", "show", "antwort-der-stadt-dortmund"], capsys)[1]


def test_export_refuses_a_folder_with_knowledge_files_unless_forced(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = env / "out"
    assert run(["kb", "export", str(target)], capsys)[0] == 0
    (target / "requests" / "257364-handwritten.yaml").write_text(
        (next((target / "requests").glob("257364-*.yaml"))).read_text(encoding="utf-8"), encoding="utf-8"
    )
    code, _, err = run(["kb", "export", str(target)], capsys)
    assert code == 1
    assert "--force" in err
    assert run(["kb", "export", str(target), "--force"], capsys)[0] == 0
    assert not (target / "requests" / "257364-handwritten.yaml").exists()
    monkeypatch.setenv("KNOWLEDGE_DIR", str(target))
    assert run(["kb", "check"], capsys)[0] == 0


def test_a_misspelt_field_is_named_as_written(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    second = MINIMAL.replace("Dortmund", "Köln")
    file = write(env / "typo.yaml", MINIMAL.replace("title:", "titel:") + "---\n" + second)
    code, out, _ = run(["kb", "add", str(file)], capsys)
    assert code == 1
    assert "titel: unknown field; did you mean `title`?" in out
    assert "title: Field required" not in out


def test_a_greeting_gets_how_to_ask(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "hallo"]) == 0
    assert "Fragen Sie zum Beispiel" in capsys.readouterr().out
    assert main(["ask", "--json", "Hi!"]) == 0
    assert json.loads(capsys.readouterr().out)["answered"] is False


HOSTILE = "Frage\x1b]0;pwned\x07 mit\x1b[2J Steuerzeichen \u202egnuthcA\x9b"


def test_stored_text_cannot_drive_the_terminal(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with store_of(env) as store:
        store.people.record_unanswered(HOSTILE, "frage steuerzeichen", 7, "private", "de")
    entry = MINIMAL.replace("title: Antwort der Stadt Dortmund", f"title: {json.dumps(HOSTILE)}")
    assert run(["kb", "add", str(write(env / "new.yaml", entry))], capsys)[0] == 0
    for command in (["kb", "unanswered"], ["kb", "list"]):
        code, out, err = run(command, capsys)
        assert code == 0
        assert "Steuerzeichen" in out
        assert not [c for c in out + err if c in "\x1b\x07\x9b\u202e"], command
        assert "\\x1b]0;pwned\\x07" in out
        assert "\\u202egnuthcA" in out
    code, out, _ = run(["ask", "--json", HOSTILE], capsys)
    assert json.loads(out)["question"] == HOSTILE, "JSON output reads back exactly"
