"""Reads about events, in modules by sub-domain like the services: `events`, `registrations`, `meetings`,
`rounds`. Every read takes an `Access` and filters through it."""
