"""claimgraph: a sourced, dated, cross-checked graph of who claims what in a developing story."""

__version__ = "0.1.0"
