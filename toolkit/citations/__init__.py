"""Citations: pandoc-style citation syntax and the citation library."""
