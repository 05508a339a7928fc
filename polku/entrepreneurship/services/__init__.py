"""Writes of entrepreneurship, one module per sub-domain: `ideas` (ideas, canvas, evidence, stages,
comments), `sparring` (experts, sessions, readiness), `transfers` (listings, successor profiles,
introductions) and `companies` (companies founded or taken over, with their outcomes)."""
