"""ESC/POS receipt printers through python-escpos: USB, serial, network, file.

- :mod:`~drivers.printer.config`: the ``[printer]`` table (:class:`PrinterConfig`);
- :mod:`~drivers.printer.document`: what a receipt is made of, printer-independent;
- :mod:`~drivers.printer.codepages`: code page per profile, transliteration;
- :mod:`~drivers.printer.encoder`: a document to ESC/POS bytes;
- :mod:`~drivers.printer.decoder`: ESC/POS bytes back to lines, QR codes, cuts;
- :mod:`~drivers.printer.transport`: a connection with a timeout, status queries;
- :mod:`~drivers.printer.worker`: the printer thread over a durable job queue;
- :mod:`~drivers.printer.loopback`: a TCP printer that records and decodes (tests, demo).
"""

from drivers.printer._capabilities import keep_capabilities_cache

# Before anything imports python-escpos: it caches its printer database in a pickle,
# by default in a new temporary folder at every start (a folder leaked per start, and
# the database parsed again each time, about 170 ms of start-up).
keep_capabilities_cache()
