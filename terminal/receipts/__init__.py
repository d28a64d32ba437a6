"""Receipt and report layouts -> ESC/POS bytes, and a preview image of the same bytes.

- :mod:`~terminal.receipts.model`: what a receipt says (no database needed);
- :mod:`~terminal.receipts.layouts`: the layouts, for 58 and 80 mm paper;
- :mod:`~terminal.receipts.render`: layout + encode in one call (what the till runs);
- :mod:`~terminal.receipts.preview`: the bytes decoded back and drawn as a PNG;
- :mod:`~terminal.receipts.spool`: the durable queue and the printer thread, wired.
"""
