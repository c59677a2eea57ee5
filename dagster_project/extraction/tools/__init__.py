"""One-off builders of the extraction vocabulary from public reference data."""
