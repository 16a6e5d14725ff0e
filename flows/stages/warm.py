"""Load the cleaners' models and tables on import: the fork server imports this once, before any worker.

Every worker it forks then starts with them loaded (sharing their pages) instead of loading its own.
"""

from flows.stages.clean import warm_up

warm_up()
