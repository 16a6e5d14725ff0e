"""Pipeline stages of one document: extract (HTML), identify the language, clean, finish the row."""
