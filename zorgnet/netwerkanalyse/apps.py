from django.apps import AppConfig


class NetwerkanalyseConfig(AppConfig):
    """Top layer: network run records, the job that computes them, and the network pages."""

    name = "zorgnet.netwerkanalyse"
    label = "netwerkanalyse"
    verbose_name = "Netwerkanalyse"
