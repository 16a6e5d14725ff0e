"""Reports of a run: Prefect artifacts, and the self-contained HTML page."""
