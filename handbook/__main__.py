"""``python -m handbook [DATA_DIR]``: validate the data files without building the site."""

import sys
from pathlib import Path

from .load import load_handbook
from .yaml_lines import DataError


def main() -> int:
    data_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "data").resolve()
    try:
        handbook = load_handbook(data_dir)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(
        f"data OK: {len(handbook.roles.roles)} roles, {len(handbook.standards.standards)} standards, "
        f"{len(handbook.phrases.phrases)} phrases, {len(handbook.blueprints)} blueprints, "
        f"{len(handbook.glossary.terms)} glossary terms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
