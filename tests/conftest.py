"""Shared fixtures: a small knowledge folder for fast unit tests, the core built over it, and a fake
FragDenStaat."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.service import FoiService, sync_knowledge
from bot.storage.store import Store
from tests.fakes.froide import FakeFroide

os.environ.setdefault("PTB_TIMEDELTA", "1")

FIXTURE_KB = Path(__file__).parent / "fixtures" / "kb"
REPO = Path(__file__).parent.parent


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    """A writable copy of the fixture knowledge folder."""
    target = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, target)
    return target


@pytest.fixture
def store(tmp_path: Path, kb_dir: Path) -> Iterator[Store]:
    db = Store(tmp_path / "foi.db")
    sync_knowledge(db, kb_dir)
    yield db
    db.close()


@pytest.fixture
def service(store: Store) -> FoiService:
    return FoiService(store)


@pytest.fixture(scope="session")
def real_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FoiService]:
    """The core over the project's own knowledge base (built once per test session)."""
    db = Store(tmp_path_factory.mktemp("real") / "foi.db")
    sync_knowledge(db, REPO / "knowledge")
    core = FoiService(db)
    yield core
    core.close()


@pytest.fixture
def froide() -> Iterator[FakeFroide]:
    """A local FragDenStaat serving request #257364 to Stadt Bochum."""
    with FakeFroide() as fake:
        fake.add_bochum_request()
        yield fake
