"""pactwatch: contracts as code, with execution tracking."""

__version__ = "0.1.0"
