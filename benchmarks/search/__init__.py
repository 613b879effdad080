"""The parts of `benchmarks/bench_search.py`: the synthetic corpus and its queries, the workers, the report.

Only the standard library is imported at module level anywhere in this package: the benchmark's parent
process imports it too and must never load the bot (see bench_search.py).
"""
