"""Stage 1, read and check: `content/*.yml` → validated `Content`, or problems at `path:line:column`.

`yaml_reader` parses one file with positions; `load` reads the folder; `model` declares every field once;
`syntax` is the inline syntax; `walk` walks model trees; `messages` words pydantic's errors for editors;
`validate` drives it all and `checks` holds the rules across records; `records` is what later stages read.
"""
