"""Turn news articles into a dated, cited timeline."""

__version__ = "0.1.0"
