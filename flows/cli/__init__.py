"""The `newsclean` command line: run the flow, and views to explore its output."""
