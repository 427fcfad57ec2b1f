from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from zorgnet import views

urlpatterns = [
    path("", include("zorgnet.overzicht.urls")),
    path(
        "aanmelden/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("afmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("gezondheid/", views.gezondheid, name="gezondheid"),
    path("buurten/", include("buurten.urls")),
    # Apps define their own paths (mostly under buurten/<buurt_id>/...).
    path("", include("partners.urls")),
    path("", include("zorgnet.netwerkanalyse.urls")),
    path("", include("activiteiten.urls")),
    path("", include("zorgnet.toegang.urls")),
    path("rapport/", include("zorgnet.rapport.urls")),
    path("beheer/", admin.site.urls),
]

if settings.ZORGNET_BENCH:
    from bench import views as bench_views

    urlpatterns.append(path("bench/basislijn/", bench_views.basislijn, name="basislijn"))
