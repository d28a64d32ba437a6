"""What every part of the product shares and that imports nothing of ours: the clock and
ids (``common.clock``), the one error base and the one configuration error
(``common.errors``). The till (terminal/, drivers/, sync/) and the office may all import
it; it imports only the standard library."""
