"""Public content API resources: one module per resource."""
