"""Protocol adapters (data sources), registered by kind: `opcua`, `mqtt`, later `sparkplug`."""
