from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmarks: the scale data command and the baseline page. Installed only when the
    setting ZORGNET_BENCH is on (`make bench` and the test suite), never in production."""

    name = "bench"
    verbose_name = "Benchmarks"
