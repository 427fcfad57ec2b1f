from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from zorgnet import views
from zorgnet.toegang.leden.forms import WachtwoordHerstelForm

urlpatterns = [
    path("", include("zorgnet.overzicht.urls")),
    path(
        "aanmelden/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("afmelden/", auth_views.LogoutView.as_view(), name="logout"),
    # Password reset by e-mail: Django's views, Dutch templates, the mail job, throttled.
    path(
        "wachtwoord/vergeten/",
        auth_views.PasswordResetView.as_view(form_class=WachtwoordHerstelForm),
        name="password_reset",
    ),
    path(
        "wachtwoord/vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord/nieuw/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord/ingesteld/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("meldingen/", include("buurten.meldingen.urls")),
    path("gezondheid/", views.gezondheid, name="gezondheid"),
    path("buurten/", include("buurten.urls")),
    # Apps define their own paths (mostly under buurten/<buurt_id>/...).
    path("", include("partners.urls")),
    path("", include("zorgnet.netwerkanalyse.urls")),
    path("", include("activiteiten.urls")),
    path("", include("zorgnet.toegang.urls")),
    path("", include("zorgnet.toegang.leden.urls")),
    path("rapport/", include("zorgnet.rapport.urls")),
    path("beheer/", admin.site.urls),
]

if settings.ZORGNET_BENCH:
    from bench import views as bench_views

    urlpatterns.append(path("bench/basislijn/", bench_views.basislijn, name="basislijn"))
