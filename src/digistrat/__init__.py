"""digistrat: a digital strategy kept as code, checked against the guide, published."""

__version__ = "0.1.0"
