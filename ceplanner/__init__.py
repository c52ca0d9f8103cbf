"""ceplanner: plan, cost and justify community engagement strategies."""

__version__ = "0.1.0"
