"""Meaning as static embeddings: an entry's stored vector and the similarity of questions to many of them."""

from __future__ import annotations

import numpy as np
import pytest

from bot.understand.semantic import DIMENSIONS, centroid, embed, similarities


def test_a_stored_vector_is_a_unit_vector_of_float16() -> None:
    blob = centroid(["Welchen Platz hatte Bochum 2021?", "Bochum im Smart City Index 2021"])
    vector = np.frombuffer(blob, dtype=np.float16).astype(np.float32)
    assert len(blob) == 2 * DIMENSIONS
    assert float(np.linalg.norm(vector)) == pytest.approx(1.0, abs=1e-2)


def test_similarities_are_the_cosines_of_each_entry() -> None:
    question = embed(["Gab es einen Vermerk für den Oberbürgermeister?"])[0]
    blobs = [centroid([text]) for text in ("Vermerk für Oberbürgermeister Eiskirch", "Förderung der Modellprojekte")]
    expected = [float(np.dot(question, np.frombuffer(b, dtype=np.float16).astype(np.float32))) for b in blobs]
    assert similarities(question, blobs) == pytest.approx([max(e, 0.0) for e in expected], abs=1e-5)
    assert similarities(question, blobs)[0] > similarities(question, blobs)[1]


def test_a_missing_vector_or_question_scores_nothing() -> None:
    question = embed(["Wer leitet die Stabsstelle?"])[0]
    stored = centroid(["Stabsstelle Digitalisierung"])
    assert similarities(question, [None, b"", b"\x00" * 10, stored])[:3] == [0.0, 0.0, 0.0]
    assert similarities(None, [stored]) == [0.0]
    assert similarities(question, []) == []


def test_an_opposite_meaning_is_no_similarity() -> None:
    question = embed(["Smart City Index"])[0]
    opposite = (-question).astype(np.float16).tobytes()
    assert similarities(question, [opposite]) == [0.0]
