"""storyline's speed and memory benchmark: ``make bench`` (or ``make bench-quick``)."""
