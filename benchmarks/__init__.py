"""Side-by-side throughput benchmarks (`make bench`). Never part of `make test`."""
