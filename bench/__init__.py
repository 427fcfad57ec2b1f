"""Benchmarks behind `make bench`. Each `bench/bench_*.py` module exposes `run() -> list[Figuur]`."""
