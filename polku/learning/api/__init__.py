"""REST API of learning, one module per part: `catalogue` (opportunities, CSV export and import), `plans`
(plans and plan counts per partner), `items` (a plan's items, milestones and comments) and `completions`
(by hand and imported from a MOOC platform's CSV). The same selectors and services as the pages, so the
same rules of `Access`."""
