"""``run.config`` and ``run.summary`` of the wandb API, over a runcamp run: the config is the
run's params (each change a JSON merge patch of them), the summary its values (each key
written as the value of the name and context ``split_subset`` gives it)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Callable, Optional

from .._metric_keys import split_subset
from .warnings import warn_once


def _as_dict(d: Any) -> dict:
    """A mapping, an argparse Namespace or any object with ``__dict__`` (absl flags aside)."""
    if d is None:
        return {}
    if isinstance(d, Mapping):
        return dict(d)
    if hasattr(d, "__dict__"):
        return {k: v for k, v in vars(d).items() if not k.startswith("_")}
    raise TypeError(f"runcamp.wandb: config is a dict or an argparse Namespace, not {type(d).__name__}")


class _Store:
    """A dict with attribute access whose every change goes to ``on_change`` (key -> value)."""

    def __init__(self, on_change: Optional[Callable[[dict], None]] = None) -> None:
        object.__setattr__(self, "_items", {})
        object.__setattr__(self, "_on_change", on_change)

    def _bind(self, on_change: Callable[[dict], None]) -> None:
        """Sends later changes to ``on_change`` (the items held now went with the run's creation)."""
        object.__setattr__(self, "_on_change", on_change)

    def update(self, d: Any = None, allow_val_change: Any = None, **more: Any) -> None:
        items = {**_as_dict(d), **more}
        if not items:
            return
        self._items.update(items)
        if self._on_change is not None:
            self._on_change(items)

    def setdefaults(self, d: Any) -> None:
        self.update({k: v for k, v in _as_dict(d).items() if k not in self._items})

    def __setitem__(self, key: str, value: Any) -> None:
        self.update({key: value})

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __setattr__(self, key: str, value: Any) -> None:
        self.update({key: value})

    def __getattr__(self, key: str) -> Any:
        try:
            return self._items[key]
        except KeyError:
            raise AttributeError(key) from None

    def __delitem__(self, key: str) -> None:
        del self._items[key]
        if self._on_change is not None:
            self._on_change({key: None})

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: str, default: Any = None) -> Any:
        return self._items.get(key, default)

    def keys(self):
        return self._items.keys()

    def values(self):
        return self._items.values()

    def items(self):
        return self._items.items()

    def as_dict(self) -> dict:
        return dict(self._items)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._items!r})"


class Config(_Store):
    """``wandb.config``: the run's params. ``None`` as a value deletes the param (merge patch)."""


class Summary(_Store):
    """``run.summary``: reads give what was set here, else the last value logged under the key
    (as wandb's summary does); only what is set here is written, as runcamp values (a series
    keeps its own last, min and max)."""

    def __init__(self, on_change: Optional[Callable[[dict], None]] = None) -> None:
        super().__init__(on_change)
        object.__setattr__(self, "_logged", {})

    def _note_logged(self, items: dict) -> None:
        self._logged.update(items)

    def __getitem__(self, key: str) -> Any:
        if key in self._items:
            return self._items[key]
        return self._logged[key]

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key) from None

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: object) -> bool:
        return key in self._items or key in self._logged


def summary_writer(set_value: Callable[..., None]) -> Callable[[dict], None]:
    """Writes summary items as values; one the server would refuse is skipped with a warning."""

    def write(items: dict) -> None:
        for key, value in items.items():
            name, context = split_subset(str(key))
            try:
                set_value(name, value, context=context)
            except (TypeError, ValueError) as e:
                warn_once(f"summary:{key}", f"summary[{key!r}] is not stored: {e}")

    return write
