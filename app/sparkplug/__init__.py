"""Sparkplug B 3.0: the payload codec, the host application and the edge node."""
