"""Every QWidget of LineSide: primitives, panels, the main window shell."""
