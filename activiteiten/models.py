"""The activiteiten app's models, one module per capability (actions and signals, packages,
meetings, export files, reflection and impact). Django looks for an app's models here, so each module is imported."""

from activiteiten.acties.models import *  # noqa: F401,F403
from activiteiten.bijeenkomsten.models import *  # noqa: F401,F403
from activiteiten.exports.models import *  # noqa: F401,F403
from activiteiten.pakketten.models import *  # noqa: F401,F403
from activiteiten.reflectie.models import *  # noqa: F401,F403
