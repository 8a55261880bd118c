"""The last results worked out per text, kept on the index (which forgets them when it goes):
one helper for the memos of the suggestion and ranking steps."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_lock = threading.Lock()


def remembered(memo: OrderedDict[K, V], key: K, size: int, work_out: Callable[[], V]) -> V:
    """`memo[key]`, worked out on a miss (outside the lock: two threads may both work it out,
    with the same result) and kept among the `size` last used."""
    with _lock:
        hit = memo.get(key)
        if hit is not None:
            memo.move_to_end(key)
            return hit
    value = work_out()
    with _lock:
        memo[key] = value
        while len(memo) > size:
            memo.popitem(last=False)
    return value
