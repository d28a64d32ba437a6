"""How the till looks: big, calm, high contrast, readable at arm's length."""

from __future__ import annotations

MIN_TOUCH_PX = 48  # every button and field is at least this tall (>= 44 px)

STYLESHEET = f"""
QWidget {{ font-size: 20px; color: #111; background: #fafafa; }}
QPushButton {{ min-height: {MIN_TOUCH_PX}px; padding: 4px 18px; border-radius: 6px;
              background: #e0e0e0; border: 2px solid #888; }}
QPushButton:focus {{ border: 3px solid #0050b3; }}
QPushButton#primary {{ background: #0050b3; color: white; font-weight: bold; }}
QPushButton:disabled, QPushButton#primary:disabled {{ background: #eeeeee; color: #9e9e9e;
              border: 2px dashed #bdbdbd; font-weight: normal; }}
QComboBox {{ min-height: {MIN_TOUCH_PX}px; padding: 0 12px; border: 2px solid #555;
              border-radius: 6px; background: white; }}
QComboBox:disabled, QLineEdit:disabled {{ background: #eeeeee; color: #9e9e9e;
              border: 2px dashed #bdbdbd; }}
QLineEdit, QDoubleSpinBox, QSpinBox {{ min-height: {MIN_TOUCH_PX}px; font-size: 26px;
              border: 2px solid #555; border-radius: 6px; background: white; }}
QLabel#prompt {{ font-size: 40px; font-weight: bold; }}
QLabel#name {{ font-size: 34px; font-weight: bold; }}
QLabel#greeting {{ font-size: 24px; }}
QLabel#key_figure {{ font-size: 30px; font-weight: bold; }}
QLabel#birthday {{ font-size: 26px; font-weight: bold; background: #fff3c4; color: #5c3b00;
              padding: 8px; border: 2px solid #c99a00; }}
QLabel#problem {{ font-size: 26px; font-weight: bold; background: #b00020; color: white;
              padding: 8px; }}
QLabel#refusal {{ font-size: 30px; font-weight: bold; background: #b00020; color: white;
              padding: 16px; }}
QLabel#total {{ font-size: 36px; font-weight: bold; }}
QLabel#figure {{ font-weight: bold; }}
QLabel#done {{ font-size: 28px; font-weight: bold; color: #0a6b2b; }}
QListWidget {{ font-size: 20px; background: white; }}
QListWidget::item {{ min-height: {MIN_TOUCH_PX}px; padding: 0 8px; }}
QStatusBar QLabel {{ font-size: 16px; padding: 0 12px; }}
QStatusBar QLabel[alert="true"] {{ background: #b00020; color: white; font-weight: bold; }}
"""
