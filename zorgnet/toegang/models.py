# Django looks for an app's models in <app>/models.py; each capability keeps its own module.
from zorgnet.toegang.leden.models import Uitnodiging  # noqa: F401
