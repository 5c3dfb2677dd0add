"""`python -m claimgraph ...` runs the command line, as `claimgraph ...` does."""

from .cli import main

main(prog_name="claimgraph")
