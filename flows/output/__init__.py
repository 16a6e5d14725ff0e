"""The output directory: the Parquet contract, locking and resuming, reading it back."""
