"""dxw: Vietnam's digital-transformation figures, from report text to a DuckDB star schema."""
