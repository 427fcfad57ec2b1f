"""activiteiten models, one module per capability (packages, actions and signals, meetings,
export files).

Each module is imported here so Django finds the models.
"""

from .acties import *  # noqa: F401,F403
from .bijeenkomsten import *  # noqa: F401,F403
from .exports import *  # noqa: F401,F403
from .pakketten import *  # noqa: F401,F403
