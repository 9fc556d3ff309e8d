"""Benchmarks (`make bench`): throughput and memory, always as ratios against a same-run reference."""
