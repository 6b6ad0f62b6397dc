"""What the hooks that reuse an earlier build's work know about a build: digests, settings written
the same way from one build to the next, and a count of the warnings it logged."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from importlib.metadata import version
from pathlib import Path

# Configuration that no page's template is given (plugins and the theme are described apart).
NOT_RENDERED = {"plugins", "hooks", "theme", "dev_addr", "watch", "strict", "config_file_path"}
VERSIONED = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions")


def digest(*parts: str) -> str:
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(part.encode("utf-8", "surrogatepass"))
        hashed.update(b"\0")
    return hashed.hexdigest()


def versions() -> str:
    return " ".join(f"{name}=={version(name)}" for name in VERSIONED)


def described(value):
    """A setting in words that stay the same from one build to the next: functions by name (an
    object shown only by its address makes every key new, so nothing is wrongly reused)."""
    if isinstance(value, functools.partial):
        return [described(value.func), list(value.args), value.keywords]
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{value.__module__}.{value.__qualname__}"
    if isinstance(value, (set, frozenset)):
        return sorted(map(str, value))
    return str(value)


def nav_items(items) -> list:
    """The navigation as words: each item's title, address, kind and children."""
    return [[item.title, getattr(item, "url", None), type(item).__name__, nav_items(item.children or [])]
            for item in items]


def configuration(config) -> str:
    """The settings, the theme (with the files of its custom folder) and the plugins' settings."""
    theme = config.theme
    custom = Path(theme.custom_dir) if theme.custom_dir else None
    overrides = sorted(path for path in custom.rglob("*") if path.is_file()) if custom else []
    site = {key: config[key] for key in config if key not in NOT_RENDERED}
    plugins = {name: dict(getattr(plugin, "config", None) or {}) for name, plugin in config.plugins.items()}
    return digest(
        json.dumps([site, dict(theme), theme.dirs, plugins], sort_keys=True, default=described),
        *(f"{path.relative_to(custom)}:{hashlib.sha256(path.read_bytes()).hexdigest()}" for path in overrides),
    )


class WarningCount(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1
