"""Loading a portfolio: files -> strict YAML with positions -> schema -> typed records, with a data-only cache."""
