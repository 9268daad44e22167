"""Safety functions of the terminal: the on-screen e-stop request and danger-zone monitoring."""
