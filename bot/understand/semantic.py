"""Meaning beyond shared words: static word embeddings (wordllama's L2 Supercat, 256 dimensions) averaged over a
text. "gabs nen vermerk für den ob" shares few words with "Vermerk für Oberbürgermeister Eiskirch", but its vector
lies close. One more signal for ranking and confidence, measured to help (benchmarks/answer-quality-rounds.md,
first round); never a reason to answer on its own.

The weights and the tokenizer ship inside the wordllama wheel. Its loader looks for the tokenizer under a folder
the wheel does not have and would then try to download, so both files are opened here directly: no network.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt
import wordllama
from safetensors import safe_open
from tokenizers import Tokenizer
from wordllama.inference import WordLlamaInference

DIMENSIONS = 256
_PACKAGE = Path(wordllama.__file__).parent
WEIGHTS = _PACKAGE / "weights" / f"l2_supercat_{DIMENSIONS}.safetensors"
TOKENIZER = _PACKAGE / "tokenizers" / "l2_supercat_tokenizer_config.json"

Vector = npt.NDArray[np.float32]


@lru_cache(maxsize=1)
def _model() -> WordLlamaInference:
    with safe_open(str(WEIGHTS), framework="np") as weights:
        embedding = weights.get_tensor("embedding.weight")
    return WordLlamaInference(embedding, Tokenizer.from_file(str(TOKENIZER)))


def warm_up() -> None:
    """Load the model now (about 0.2 s and 32 MB), not at the first question."""
    _model()


def embed(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """Unit vectors, one row per text (a zero row for a text without known tokens)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.asarray(_model().embed(list(texts), norm=True), dtype=np.float32)
    return np.nan_to_num(vectors)


def centroid(texts: Sequence[str]) -> bytes:
    """An entry's stored vector: the normalised mean of its texts' vectors, as float16 bytes (512 bytes)."""
    vectors = embed(texts)
    mean = vectors.mean(axis=0) if len(vectors) else np.zeros(DIMENSIONS, dtype=np.float32)
    norm = float(np.linalg.norm(mean))
    return (mean / norm if norm else mean).astype(np.float16).tobytes()


def similarities(question: Vector | None, blobs: Sequence[bytes | None]) -> list[float]:
    """Cosine similarity of a question's vector and each entry's stored one, 0 where either is missing; one
    product of the stacked vectors, not one per entry (it runs for every candidate of every search)."""
    out = [0.0] * len(blobs)
    valid = [i for i, blob in enumerate(blobs) if blob and len(blob) == 2 * DIMENSIONS]
    if question is None or not valid:
        return out
    joined = b"".join(blobs[i] or b"" for i in valid)
    stacked = np.frombuffer(joined, dtype=np.float16).reshape(len(valid), DIMENSIONS).astype(np.float32)
    for i, value in zip(valid, (stacked @ question).tolist(), strict=True):
        out[i] = max(value, 0.0)
    return out
