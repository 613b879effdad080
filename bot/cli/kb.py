"""`kb`: maintain the knowledge base (check the files, rebuild the store)."""

from __future__ import annotations

import argparse
from collections import Counter
from typing import Any

from bot.cli.common import CliError, load_settings
from bot.kb.loader import KnowledgeError, load_knowledge
from bot.kb.store import Store
from bot.service import sync_knowledge


def register(commands: Any) -> None:
    parser = commands.add_parser("kb", help="maintain the knowledge base", description="Maintain the knowledge base.")
    sub = parser.add_subparsers(dest="kb_command", required=True, metavar="KB_COMMAND")
    check = sub.add_parser("check", help="validate the knowledge files; prints file:line: message per problem")
    check.set_defaults(handler=check_files)
    build = sub.add_parser("build", help="rebuild the store from the knowledge files")
    build.add_argument("--force", action="store_true", help="rebuild even if the files did not change")
    build.set_defaults(handler=build_store)


def check_files(_args: argparse.Namespace) -> int:
    settings = load_settings()
    try:
        kb = load_knowledge(settings.knowledge_dir)
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(problem)
        raise CliError(f"{len(exc.problems)} problem(s) in {settings.knowledge_dir}") from None
    kinds = Counter(e.kind.value for e in kb.entries)
    summary = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    print(
        f"{settings.knowledge_dir}: ok: {len(kb.entries)} entries ({summary}), "
        f"{len(kb.requests)} FOI requests, {len(kb.rankings)} rankings with {len(kb.rows)} rows, "
        f"{len(kb.aliases.cities)} places known"
    )
    return 0


def build_store(args: argparse.Namespace) -> int:
    settings = load_settings()
    store = Store(settings.database_path)
    try:
        rebuilt = sync_knowledge(store, settings.knowledge_dir, force=args.force)
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(problem)
        raise CliError("not rebuilt; the previous store is unchanged") from None
    finally:
        store.close()
    print(f"{settings.database_path}: {'rebuilt' if rebuilt else 'up to date'}")
    return 0
