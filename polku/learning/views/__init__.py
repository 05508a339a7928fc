"""Learning pages, one module per part: `catalogue` (opportunities and the catalogue's CSV import and
export), `plans` (development plans, their items, milestones and comments, and completions by hand) and
`mooc` (the MOOC completion import). Views parse input, read through selectors and write through services;
every access rule is a method of `Access`."""
