"""Objects that live as long as the process (the search and recommendation indexes) are
moved out of the garbage collector's sight once loaded.

The indexes hold about 55,000 containers (title dictionaries, label lists). Python's full
collection walked all of them whenever enough new objects had piled up: 55-85 ms on a slow
2-core machine, landing inside a request now and then (a recommendation takes about 40 ms).
Frozen, they are never walked again; their memory is still freed by reference counting
when an index is replaced (only cycles among them would stay).
"""

from __future__ import annotations

import gc


def settle_long_lived() -> None:
    """Collect what is garbage now, then freeze every object left (see the module's text)."""
    gc.collect()
    gc.freeze()
