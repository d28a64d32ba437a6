"""How the till looks: big, calm, high contrast, readable at arm's length."""

from __future__ import annotations

MIN_TOUCH_PX = 48  # every button and field is at least this tall (>= 44 px)

#: Font sizes in pixels, for a 1024×768 screen and larger.
REGULAR = {
    "base": 20, "field": 26, "prompt": 40, "name": 34, "greeting": 24, "key_figure": 30,
    "birthday": 26, "problem": 26, "refusal": 30, "total": 36, "done": 28, "list": 20,
    "status": 16, "button": MIN_TOUCH_PX, "pad": 4,
}  # fmt: skip
#: The compact layout, for an 800×600 screen: smaller words, the same finger-sized
#: targets (MIN_TOUCH_PX).
COMPACT = {
    "base": 16, "field": 20, "prompt": 28, "name": 26, "greeting": 19, "key_figure": 22,
    "birthday": 19, "problem": 19, "refusal": 22, "total": 26, "done": 21, "list": 16,
    "status": 13, "button": MIN_TOUCH_PX - 8, "pad": 2,
}  # fmt: skip

#: Below this size of the screen, the compact layout.
COMPACT_BELOW = (1000, 700)
#: In the compact layout, a button's text wider than this (pixels) takes two lines.
COMPACT_LINE_PX = 140


def stylesheet(compact: bool = False) -> str:
    """The till's stylesheet, regular or compact."""
    sizes = COMPACT if compact else REGULAR
    return f"""
QWidget {{ font-size: {sizes["base"]}px; color: #111; background: #fafafa; }}
QPushButton {{ min-height: {sizes["button"]}px; padding: {sizes["pad"]}px 18px; border-radius: 6px;
              background: #e0e0e0; border: 2px solid #888; }}
QPushButton:focus {{ border: 3px solid #0050b3; }}
QPushButton#primary {{ background: #0050b3; color: white; font-weight: bold; }}
QPushButton:disabled, QPushButton#primary:disabled {{ background: #eeeeee; color: #9e9e9e;
              border: 2px dashed #bdbdbd; font-weight: normal; }}
QPushButton QLabel {{ background: transparent; }}
QPushButton#primary QLabel {{ color: white; font-weight: bold; }}
QPushButton QLabel:disabled, QPushButton#primary QLabel:disabled {{ color: #9e9e9e;
              font-weight: normal; }}
QComboBox {{ min-height: {MIN_TOUCH_PX}px; padding: 0 12px; border: 2px solid #555;
              border-radius: 6px; background: white; }}
QComboBox:disabled, QLineEdit:disabled {{ background: #eeeeee; color: #9e9e9e;
              border: 2px dashed #bdbdbd; }}
QLineEdit, QDoubleSpinBox, QSpinBox {{ min-height: {MIN_TOUCH_PX}px; font-size: {sizes["field"]}px;
              border: 2px solid #555; border-radius: 6px; background: white; }}
QLabel#prompt {{ font-size: {sizes["prompt"]}px; font-weight: bold; }}
QLabel#name {{ font-size: {sizes["name"]}px; font-weight: bold; }}
QLabel#greeting {{ font-size: {sizes["greeting"]}px; }}
QLabel#key_figure {{ font-size: {sizes["key_figure"]}px; font-weight: bold; }}
QLabel#birthday {{ font-size: {sizes["birthday"]}px; font-weight: bold;
              background: #fff3c4; color: #5c3b00;
              padding: 8px; border: 2px solid #c99a00; }}
QLabel#problem {{ font-size: {sizes["problem"]}px; font-weight: bold;
              background: #b00020; color: white;
              padding: 8px; }}
QLabel#refusal {{ font-size: {sizes["refusal"]}px; font-weight: bold;
              background: #b00020; color: white;
              padding: 16px; }}
QLabel#total {{ font-size: {sizes["total"]}px; font-weight: bold; }}
QLabel#figure {{ font-weight: bold; }}
QLabel#done {{ font-size: {sizes["done"]}px; font-weight: bold; color: #0a6b2b; }}
QListWidget {{ font-size: {sizes["list"]}px; background: white; }}
QListWidget::item {{ min-height: {MIN_TOUCH_PX}px; padding: 0; border-bottom: 1px solid #d0d0d0; }}
QListWidget::item:selected {{ background: #0050b3; color: white; }}
QListWidget::item:disabled {{ color: #9e9e9e; }}
QStatusBar QLabel {{ font-size: {sizes["status"]}px; padding: 0 12px; }}
QStatusBar QLabel[alert="true"] {{ background: #b00020; color: white; font-weight: bold; }}
QPushButton[pad="true"] {{ min-width: {MIN_TOUCH_PX}px; min-height: {MIN_TOUCH_PX}px;
              padding: 0 6px; font-size: {sizes["field"]}px; }}
"""


STYLESHEET = stylesheet()
