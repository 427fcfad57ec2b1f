import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgnet.settings")
application = get_wsgi_application()

# Load deduce's name lookup structures (built at install time) before the first request, so no
# request waits seconds for them (zorgnet.lib.namen).
from zorgnet.lib import namen  # noqa: E402

namen.opwarmen()
