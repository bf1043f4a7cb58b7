"""Stage 2, addresses and links: pure functions of the validated content (nothing read or written).

`routes` decides every page's path and URL; `relations` computes back-links; `changes` the story's
history; `redirects` reads and checks `content/redirects.yml`.
"""
