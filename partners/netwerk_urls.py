"""URLs of the network analysis pages (issue: netwerkanalyse)."""

app_name = "netwerk"
urlpatterns: list = []
