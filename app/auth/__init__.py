"""Users, roles, what each role may do, PINs, sign-in sessions."""
