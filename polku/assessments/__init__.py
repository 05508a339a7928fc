"""Self-assessments on the European DigComp 2.2 and EntreComp frameworks, repeatable over time."""
