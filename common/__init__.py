"""What every part of the product shares and that imports nothing of ours: the clock and
ids (``common.clock``). The till (terminal/, drivers/, sync/) and the office may all
import it; it imports only the standard library."""
