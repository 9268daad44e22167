"""Generated protobuf code of Eclipse Tahu's sparkplug_b.proto (see GENERATE.md)."""
