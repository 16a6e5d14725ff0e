"""Readers: find inputs (files, WARC, JSON lines) and turn their bytes into Documents."""
