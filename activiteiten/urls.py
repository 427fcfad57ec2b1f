app_name = "activiteiten"
urlpatterns: list = []
