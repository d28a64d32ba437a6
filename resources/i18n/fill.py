"""Write our Russian and Ukrainian texts into the .ts catalogues after `pyside6-lupdate`.

    make translations      # lupdate, this script, lrelease

The translations are data, beside this script: ru.toml and uk.toml, one line per text,
the English text as it stands in the code = its translation. lupdate finds the texts of
the files and folders that sources.lst names (paths from the repository's root) and
writes them into loyalty_<language>.ts; this script gives each message of the catalogue
its translation from <language>.toml; lrelease compiles the catalogue into the .qm file
the app loads (terminal/ui/translations).

A text with no translation would show in English: the script names it and fails (and so
does tests/ui/test_languages.py), so nothing is forgotten. A translation that no text of
the code uses any more is named too, to be deleted.
"""

from __future__ import annotations

import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).parent
LANGUAGES = ("ru", "uk")


def translations(code: str) -> dict[str, str]:
    """The texts of one language (``ru``, ``uk``): English source -> translation."""
    with (HERE / f"{code}.toml").open("rb") as f:
        return tomllib.load(f)


def fill(ts: Path, texts: dict[str, str]) -> tuple[list[str], list[str]]:
    """Translate the messages of ``ts`` from ``texts``; return the sources it had no
    translation for and the translations that no message used."""
    tree = ET.parse(ts)
    missing: list[str] = []
    used: set[str] = set()
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in texts:
            translation.text = texts[source]
            translation.attrib.pop("type", None)
            used.add(source)
        else:
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing, [source for source in texts if source not in used]


def main() -> int:
    bad = 0
    for code in LANGUAGES:
        missing, unused = fill(HERE / f"loyalty_{code}.ts", translations(code))
        for source in missing:
            print(f"{code}.toml: no translation for {source!r}: add one", file=sys.stderr)
        for source in unused:
            print(f"{code}.toml: {source!r} is no text of the code: delete it", file=sys.stderr)
        bad += len(missing) + len(unused)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
