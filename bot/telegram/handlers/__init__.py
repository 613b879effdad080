"""Update handlers, one module per kind of conversation; each parses, calls the core and renders."""
