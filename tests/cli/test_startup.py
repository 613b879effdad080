"""Start-up problems end in one line that names the setting and what to do, exit code 2, no traceback; the
token never appears. Each case runs `python -m bot` as a process, as a person would."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from bot.service import sync_knowledge
from bot.storage.store import Store
from tests.conftest import FIXTURE_KB, REPO

TOKEN = "987654:SECRET-startup-token"


def bot(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in {"TELEGRAM_BOT_TOKEN", "LOG_LEVEL"}}
    environment |= {"KNOWLEDGE_DIR": str(FIXTURE_KB), "PTB_TIMEDELTA": "1", **env}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        check=False,
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def one_line_error(result: subprocess.CompletedProcess[str], setting: str) -> str:
    """The last line of stderr, checked to be the only error and to name the setting."""
    assert result.returncode == 2, result.stderr
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert TOKEN not in output
    assert TOKEN.split(":")[1] not in output
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"error: {setting}"), result.stderr
    assert sum(line.startswith("error:") for line in result.stderr.splitlines()) == 1
    return last


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def built_store(path: Path) -> Path:
    store = Store(path)
    sync_knowledge(store, FIXTURE_KB)
    store.close()
    return path


def damage(path: Path) -> None:
    """Overwrite the middle of the file, as a failing disk or a half-copied file would."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\x00garbage\xff" * 800)


@pytest.mark.parametrize("token", ["abc def", "424242", "'987654:SECRET-startup-token'", "987654 SECRET"])
def test_a_malformed_token(tmp_path: Path, token: str) -> None:
    result = bot("run", TELEGRAM_BOT_TOKEN=token, DATABASE_PATH=str(tmp_path / "db.db"))
    assert "copy it from @BotFather" in one_line_error(result, "TELEGRAM_BOT_TOKEN")
    assert token not in result.stderr


def test_an_unreachable_bot_api(tmp_path: Path) -> None:
    result = bot(
        "run",
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_BASE_URL=f"http://127.0.0.1:{closed_port()}/bot",
        DATABASE_PATH=str(built_store(tmp_path / "db.db")),
    )
    assert "cannot reach the Bot API" in one_line_error(result, "TELEGRAM_BASE_URL")


def test_a_database_path_that_cannot_be_created(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    result = bot("run", TELEGRAM_BOT_TOKEN=TOKEN, DATABASE_PATH=str(tmp_path / "file" / "db.db"))
    assert "cannot create or write it" in one_line_error(result, "DATABASE_PATH")


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    (tmp_path / "notes.db").write_text("these are my notes\n" * 200)
    result = bot("run", TELEGRAM_BOT_TOKEN=TOKEN, DATABASE_PATH=str(tmp_path / "notes.db"))
    line = one_line_error(result, "DATABASE_PATH")
    assert "Restore a backup" in line
    assert "rebuild the store" in line


def test_a_damaged_database(tmp_path: Path) -> None:
    path = built_store(tmp_path / "db.db")
    damage(path)
    result = bot("run", TELEGRAM_BOT_TOKEN=TOKEN, DATABASE_PATH=str(path))
    assert "Restore a backup" in one_line_error(result, "DATABASE_PATH")


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    (tmp_path / "notes.db").write_text("not a database\n" * 200)
    result = bot("--debug", "run", TELEGRAM_BOT_TOKEN=TOKEN, DATABASE_PATH=str(tmp_path / "notes.db"))
    assert result.returncode == 2
    assert "Traceback" in result.stderr


def test_build_and_backup_refuse_a_damaged_database(tmp_path: Path) -> None:
    path = built_store(tmp_path / "db.db")
    damage(path)
    for args in (("kb", "build"), ("kb", "backup", str(tmp_path / "copy.db"))):
        result = bot(*args, DATABASE_PATH=str(path))
        one_line_error(result, "DATABASE_PATH")
    assert not (tmp_path / "copy.db").exists()


@pytest.mark.parametrize(
    ("base_url", "says"),
    [
        ("http://127.0.0.1:9", "must end in /bot"),  # the token would become the port
        ("http://127.0.0.1:99999/bot", "has a port that is not a number"),
        ("http://127.0.0.1:9/bot?x=1", "must end in /bot"),
        ("ftp://127.0.0.1/bot", "not an http(s) URL"),
    ],
)
def test_a_malformed_bot_api_url(tmp_path: Path, base_url: str, says: str) -> None:
    result = bot("run", TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=base_url, DATABASE_PATH=str(tmp_path / "db.db"))
    assert says in one_line_error(result, "TELEGRAM_BASE_URL")


def test_no_start_up_failure_prints_the_token_even_with_tracebacks(tmp_path: Path) -> None:
    """Every start-up failure above, run with --debug so that tracebacks are printed too."""
    (tmp_path / "file").write_text("x")
    (tmp_path / "notes.db").write_text("not a database\n" * 200)
    damaged = built_store(tmp_path / "damaged.db")
    damage(damaged)
    working = str(built_store(tmp_path / "db.db"))
    cases = [
        {"TELEGRAM_BASE_URL": "http://127.0.0.1:9", "DATABASE_PATH": working},
        {"TELEGRAM_BASE_URL": "http://127.0.0.1:99999/bot", "DATABASE_PATH": working},
        {"TELEGRAM_BASE_URL": f"http://127.0.0.1:{closed_port()}/bot", "DATABASE_PATH": working},
        {"DATABASE_PATH": str(tmp_path / "file" / "db.db")},
        {"DATABASE_PATH": str(tmp_path / "notes.db")},
        {"DATABASE_PATH": str(damaged)},
    ]
    for env in cases:
        result = bot("--debug", "run", TELEGRAM_BOT_TOKEN=TOKEN, **env)
        assert result.returncode == 2, (env, result.stderr[-500:])
        assert TOKEN.split(":")[1] not in result.stdout + result.stderr, env
