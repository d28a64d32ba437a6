"""Receipt and report layouts -> ESC/POS bytes, and a preview image of the same bytes.

- :mod:`~terminal.receipts.model`: what a receipt says (no database needed);
- :mod:`~terminal.receipts.layouts`: the layouts, for 58 and 80 mm paper;
- :mod:`~terminal.receipts.render`: layout + encode in one call (what the till runs), and
  the preview; a receipt is rendered once (its picture shows the bytes queued);
- :mod:`~terminal.receipts.preview`: the bytes decoded back and drawn as a PNG;
- :mod:`~terminal.receipts.queue`: the durable print queue on the cache;
- :mod:`~terminal.receipts.printer_thread`: the printer's thread over that queue;
- :mod:`~terminal.receipts.spool`: the three wired in one facade, the Spooler.
"""
