from __future__ import annotations

from pathlib import Path

import pytest

from bot.kb.loader import KnowledgeError, load_knowledge, parse_entry_documents
from bot.models import FirstEdition, Kind


def problems(directory: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(directory)
    return [str(p) for p in caught.value.problems]


def test_fixture_loads_with_generated_ranking_entries(kb_dir: Path) -> None:
    kb = load_knowledge(kb_dir)
    kinds = {e.kind for e in kb.entries}
    assert kinds == {Kind.FACT, Kind.FOI_ANSWER, Kind.RANKING}
    request_entry = next(e for e in kb.entries if e.id == "257364-externe-beratung")
    assert request_entry.source_url == "https://fragdenstaat.de/a/257364/"
    assert request_entry.public_body == "Stadt Bochum"
    assert request_entry.request_id == 257364
    assert {"bitkom-sci-2021-bochum", "bitkom-sci-bochum-verlauf"} <= {e.id for e in kb.entries}


def test_invalid_yaml_names_file_and_line(kb_dir: Path) -> None:
    (kb_dir / "facts" / "broken.yaml").write_text("entries:\n  - id: x\n    title: [unclosed\n", encoding="utf-8")
    [message] = problems(kb_dir)
    assert message.startswith(f"{kb_dir / 'facts' / 'broken.yaml'}:")
    assert "invalid YAML" in message


def test_missing_field_and_bad_url_point_at_their_lines(kb_dir: Path) -> None:
    (kb_dir / "facts" / "bad.yaml").write_text(
        "entries:\n"
        "  - id: ok-entry\n"
        "    title: T\n"
        "    questions: [Q?]\n"
        "    answer: A\n"
        "    source_url: not a url\n"
        "  - id: no-answer\n"
        "    title: T\n"
        "    questions: [Q?]\n"
        "    source_url: https://example.org/\n",
        encoding="utf-8",
    )
    found = problems(kb_dir)
    assert any(":6: source_url:" in p and "not an http(s) URL" in p for p in found)
    assert any(":7: answer: Field required" in p for p in found)


def test_duplicate_ids_unknown_tags_and_cities_are_reported(kb_dir: Path) -> None:
    (kb_dir / "facts" / "dupe.yaml").write_text(
        "entries:\n"
        "  - id: sci-2021-methodik\n"
        "    title: T\n"
        "    questions: [Q?]\n"
        "    answer: A\n"
        "    source_url: https://example.org/\n"
        "    tags: {rankings: [no-such-ranking], cities: [Atlantis]}\n",
        encoding="utf-8",
    )
    found = " | ".join(problems(kb_dir))
    assert "duplicate id 'sci-2021-methodik'" in found
    assert "unknown ranking 'no-such-ranking'" in found
    assert "'Atlantis' is not in aliases.yaml" in found


def test_an_english_name_of_an_unknown_city_is_reported(kb_dir: Path) -> None:
    aliases = kb_dir / "aliases.yaml"
    aliases.write_text(aliases.read_text(encoding="utf-8") + "english:\n  Atlantis: Atlantis City\n", encoding="utf-8")
    assert any("english: 'Atlantis' is not one of the cities" in p for p in problems(kb_dir))


def test_a_city_of_no_known_state_or_of_two_states_is_reported(kb_dir: Path) -> None:
    aliases = kb_dir / "aliases.yaml"
    states = "states:\n  Nordrhein-Westfalen: [Bochum, Atlantis]\n  Atlantis: []\n  Hamburg: [Hamburg, Bochum]\n"
    aliases.write_text(aliases.read_text(encoding="utf-8") + states, encoding="utf-8")
    found = " | ".join(problems(kb_dir))
    assert "states: 'Atlantis' is not one of the cities" in found
    assert "states: 'Nordrhein-Westfalen' is not one of the cities" in found
    assert "states: 'Bochum' lies in 'Nordrhein-Westfalen' and 'Hamburg'" in found


def test_csv_problems_carry_the_row_line(kb_dir: Path) -> None:
    table = kb_dir / "rankings" / "bitkom-sci.csv"
    table.write_text(table.read_text(encoding="utf-8") + "2020,Bochum,x,,,,https://e.org/,q,\n", encoding="utf-8")
    [message] = problems(kb_dir)
    assert f"{table}:13: place:" in message


def test_a_category_needs_an_english_name(kb_dir: Path) -> None:
    """English replies name a category in English, so a category without one is a problem of the row."""
    ranking = kb_dir / "rankings" / "bitkom-sci.yaml"
    ranking.write_text(ranking.read_text(encoding="utf-8").replace("categories_en: {Mobilität: Mobility}\n", ""))
    [message] = problems(kb_dir)
    assert f"{kb_dir / 'rankings' / 'bitkom-sci.csv'}:3: category 'Mobilität' has no English name" in message


def test_ranking_file_name_must_match_id(kb_dir: Path) -> None:
    (kb_dir / "rankings" / "bitkom-sci.yaml").rename(kb_dir / "rankings" / "other.yaml")
    found = " | ".join(problems(kb_dir))
    assert "must match the file name" in found


def test_multi_document_entry_files(tmp_path: Path) -> None:
    file = tmp_path / "many.yaml"
    file.write_text(
        "id: a-one\ntitle: One\nquestions: [Eins?]\nanswer: Ja.\nsource_url: https://example.org/1\n"
        "---\n"
        "id: a-two\ntitle: Two\nquestions: [Zwei?]\nanswer: Nein.\nsource_url: https://example.org/2\n",
        encoding="utf-8",
    )
    entries = parse_entry_documents(file)
    assert [(e.id, line) for e, line, _ in entries] == [("a-one", 1), ("a-two", 7)]


def test_new_entries_need_only_four_fields(tmp_path: Path) -> None:
    file = tmp_path / "new.yaml"
    file.write_text(
        "title: Neue Antwort der Stadt Köln\nquestion: Was hat Köln geantwortet?\nanswer: Nichts.\n"
        "source_url: https://fragdenstaat.de/a/1/\n",
        encoding="utf-8",
    )
    [(entry, line, derived)] = parse_entry_documents(file, new=True)
    assert (entry.id, entry.questions, line, derived) == (
        "neue-antwort-der-stadt-koeln",
        ["Was hat Köln geantwortet?"],
        1,
        True,
    )
    with pytest.raises(KnowledgeError):
        parse_entry_documents(file)


def test_an_impossible_date_names_file_and_line(kb_dir: Path) -> None:
    file = kb_dir / "requests" / "257364-bochum.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace("answered: 2022-09-20", "answered: 2022-09-31"))
    [message] = problems(kb_dir)
    assert message.startswith(f"{file}:")
    assert "invalid value" in message


def test_a_file_that_is_not_utf8_is_a_problem(kb_dir: Path) -> None:
    (kb_dir / "facts" / "latin1.yaml").write_bytes("entries: [Straße]".encode("latin-1"))
    [message] = problems(kb_dir)
    assert "UTF-8" in message


def test_every_source_must_be_named_with_a_valid_date(kb_dir: Path) -> None:
    (kb_dir / "facts" / "neu.yaml").write_text(
        "entries:\n  - id: neu\n    title: T\n    question: Q?\n    answer: A\n"
        "    source_url: https://example.org/unbenannt\n",
        encoding="utf-8",
    )
    registry = kb_dir / "sources.yaml"
    registry.write_text(
        registry.read_text(encoding="utf-8") + '  - {url: "https://example.org/x", name: X, date: "14.10.2023"}\n',
        encoding="utf-8",
    )
    found = problems(kb_dir)
    assert any("neu.yaml:2" in p and "https://example.org/unbenannt is not named in sources.yaml" in p for p in found)
    assert any("sources.yaml:17: date: Value error, '14.10.2023' is no date: write YYYY-MM-DD" in p for p in found)


def test_sources_are_cited_by_name_and_date(kb_dir: Path) -> None:
    kb = load_knowledge(kb_dir)
    [answer] = [s for s in kb.sources if s.url == "https://fragdenstaat.de/a/257364/"]
    assert answer.label("de") == "Antwort der Stadt Bochum (FragDenStaat #257364), 20.09.2022"
    assert answer.label("en") == "Answer of the City of Bochum (FragDenStaat #257364), 20 September 2022"
    [hamburg] = [s for s in kb.sources if s.url == "https://example.org/hh-2022"]
    assert hamburg.label("de") == "Hamburger Abendblatt, Oktober 2022"


def test_the_shipped_base_names_every_source_it_uses() -> None:
    kb = load_knowledge(Path(__file__).parent.parent.parent / "knowledge")
    used = {e.source_url for e in kb.entries} | {r.source_url for r in kb.rows}
    assert used <= {s.url for s in kb.sources}


def test_the_shipped_base_speaks_english_too() -> None:
    """English replies named the German title ("What they say about “Vermerk für Oberbürgermeister …”")."""
    kb = load_knowledge(Path(__file__).parent.parent.parent / "knowledge")
    assert [e.id for e in kb.entries if not (e.title_en and e.answer_en)] == []


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # Nine levels of nine: 355 bytes that expand to gigabytes.
        (
            "a: &a [x,x,x,x,x,x,x,x,x]\n"
            + "".join(
                f"{n}: &{n} [{',*'.join(['', *[p] * 9])[1:]}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
            ),
            2,
        ),
        ("&a [*a]\n", 1),
        ("entries:\n  - &e {id: x}\n  - *e\n", 3),
    ],
)
def test_yaml_aliases_are_refused_before_they_expand(kb_dir: Path, text: str, line: int) -> None:
    (kb_dir / "facts" / "bomb.yaml").write_text(text, encoding="utf-8")
    [message] = problems(kb_dir)
    assert message.startswith(f"{kb_dir / 'facts' / 'bomb.yaml'}:{line}: YAML alias *")


def test_only_one_request_can_be_the_default(kb_dir: Path) -> None:
    for request_id in (1, 2):
        (kb_dir / "requests" / f"{request_id}-x.yaml").write_text(
            f"request:\n  id: {request_id}\n  title: T\n  url: https://fragdenstaat.de/a/{request_id}/\n"
            "  public_body: Stadt X\n  default: true\n",
            encoding="utf-8",
        )
    found = " | ".join(problems(kb_dir))
    assert "only one request can be the default" in found


def test_the_shipped_base_has_its_founding_request_as_the_default() -> None:
    kb = load_knowledge(Path("knowledge"))
    assert [r.id for r in kb.requests if r.default] == [257364]


def test_a_first_edition_names_its_source(kb_dir: Path) -> None:
    ranking = kb_dir / "rankings" / "bitkom-sci.yaml"
    first = 'first_edition: {year: 2019, source_url: "https://example.org/erste", quote: "erstmals erhoben"}\n'
    ranking.write_text(ranking.read_text(encoding="utf-8") + first, encoding="utf-8")
    found = problems(kb_dir)
    assert any("https://example.org/erste is not named in sources.yaml" in p for p in found)
    ranking.write_text(
        ranking.read_text(encoding="utf-8").replace("https://example.org/erste", "https://example.org/2022"),
        encoding="utf-8",
    )
    [read] = load_knowledge(kb_dir).rankings
    assert read.first_edition == FirstEdition(
        year=2019, source_url="https://example.org/2022", quote="erstmals erhoben"
    )
