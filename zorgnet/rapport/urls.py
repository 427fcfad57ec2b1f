app_name = "rapport"
urlpatterns: list = []
