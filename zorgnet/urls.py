from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from buurten import views as buurt_views
from zorgnet import views

urlpatterns = [
    path("", buurt_views.dashboard, name="dashboard"),
    path(
        "aanmelden/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("afmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("gezondheid/", views.gezondheid, name="gezondheid"),
    path("bench/basislijn/", views.basislijn, name="basislijn"),
    path("buurten/", include("buurten.urls")),
    # Apps define their own paths (mostly under buurten/<buurt_id>/...).
    path("", include("partners.urls")),
    path("", include("partners.netwerk_urls")),
    path("", include("activiteiten.urls")),
    path("", include("zorgnet.toegang.urls")),
    path("rapport/", include("zorgnet.rapport.urls")),
    path("beheer/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
