"""sqdesk's core: domain rules and storage. Never imports Qt (tests/core/test_layers.py)."""
