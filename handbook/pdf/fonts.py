"""Chinese fonts the PDFs can embed as named CID TrueType subsets.

Chromium embeds a CFF-outline font (Debian's Noto Sans CJK) as nameless Type 3 glyph
programs: large, not searchable by font name, rough when zoomed. A TrueType-outline font
is embedded as a subset CID font instead. So Noto Sans CJK SC Regular and Bold are
subset to GB2312 plus punctuation and their cubic outlines turned into quadratic ones
(fontTools' cu2qu), once, into a git-ignored cache (the first ``scripts/pdf`` run makes them);
the PDF stylesheet loads them with @font-face (``FAMILY``). The web site never uses them.
"""

from __future__ import annotations

import hashlib
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

SOURCES = {  # weight → collection from fonts-noto-cjk (the SC face is found by name)
    "Regular": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    "Bold": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
}
FACE = "Noto Sans CJK SC"
FAMILY = "Handbook CJK SC"  # the @font-face name in pdf.css
VERSION = "3"  # bump when the conversion changes: a new cache key
CACHE = Path(os.environ.get("HANDBOOK_FONT_CACHE", Path(__file__).resolve().parents[2] / ".cache" / "pdf-fonts"))
MAX_ERR = 4.0  # font units (1000 per em): 0.4 % of the type size, 0.01 mm at 10 pt; coarser is smaller


def charset() -> list[int]:
    """GB2312 (hanzi and its symbols), ASCII, Latin-1 and the punctuation Chinese text uses."""
    chars: set[int] = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    for start, end in ((0x2000, 0x206F), (0x3000, 0x303F), (0xFF00, 0xFFEF), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF)):
        chars.update(range(start, end + 1))
    return sorted(chars)


def _face_index(collection: Path) -> int:
    from fontTools.ttLib import TTCollection

    names = [f["name"].getDebugName(1) for f in TTCollection(str(collection), lazy=True).fonts]
    return names.index(FACE)


def _key(weight: str) -> str:
    src = SOURCES[weight]
    digest = hashlib.sha256(f"{VERSION}|{src}|{src.stat().st_size}|{src.stat().st_mtime_ns}".encode()).hexdigest()
    return digest[:12]


def path(weight: str) -> Path:
    return CACHE / f"NotoSansCJKsc-{weight}-glyf-{_key(weight)}.ttf"


def _convert(weight: str) -> Path:
    """Subset one weight, then replace its CFF outlines with quadratic glyf outlines."""
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    src = SOURCES[weight]
    font = TTFont(str(src), fontNumber=_face_index(src))
    options = subset.Options()
    options.layout_features = ["kern", "liga", "vert", "vrt2", "locl"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=charset())
    subsetter.subset(font)

    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyphs.items():  # left side bearing = xMin in TrueType
        width, _ = hmtx.metrics[name]
        hmtx.metrics[name] = (width, getattr(glyph, "xMin", 0))
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000  # TrueType's maxp; its point counts are recomputed on save
    maxp.maxZones = 1
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    post = font["post"]
    post.formatType = 3.0  # no glyph names: smaller, and CID names mean nothing anyway
    font.sfntVersion = "\x00\x01\x00\x00"
    out = path(weight)
    tmp = out.with_suffix(f".tmp{os.getpid()}")
    font.save(str(tmp))
    tmp.replace(out)
    return out


def ensure() -> dict[str, Path]:
    """The converted fonts by weight, made (both weights in parallel) when not cached yet."""
    missing = [w for w in SOURCES if not path(w).exists()]
    for weight in missing:
        if not SOURCES[weight].exists():
            raise FileNotFoundError(f"{SOURCES[weight]}: missing; install fonts-noto-cjk (scripts/system-deps)")
    if missing:
        CACHE.mkdir(parents=True, exist_ok=True)
        print(f"Converting {FACE} ({', '.join(missing)}) for the PDFs, about a minute, once …", file=sys.stderr)
        with ProcessPoolExecutor(max_workers=min(2, len(missing))) as pool:
            list(pool.map(_convert, missing))
        for stale in CACHE.glob("*.ttf"):
            if stale not in {path(w) for w in SOURCES}:
                stale.unlink()
    return {w: path(w) for w in SOURCES}


def font_face_css(url_prefix: str) -> str:
    """@font-face rules for the print documents; ``url_prefix`` is where the files are served."""
    rules = []
    for weight, css_weight in (("Regular", 400), ("Bold", 700)):
        rules.append(
            f'@font-face {{ font-family: "{FAMILY}"; font-weight: {css_weight}; font-style: normal;'
            f' src: url("{url_prefix}{path(weight).name}") format("truetype"); }}'
        )
    return "\n".join(rules) + "\n"

