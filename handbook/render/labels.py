"""Kept for handbook/pdf only, which still imports ``t``: the words live in i18n/ (handbook/words.py)."""

from ..words import word as t

__all__ = ["t"]
