"""Stage 4, write and build: the only code that touches `generated/` and `site/`.

Pages are staged in a sibling folder and swapped in only when everything succeeded.
"""
