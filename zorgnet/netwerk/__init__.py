"""Pure graph code: build the partner network, compute metrics and layouts. No Django imports."""
