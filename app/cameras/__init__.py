"""Cameras of the health and safety system: live streams (MJPEG over HTTP, RTSP) read
with PyAV off the GUI thread, and snapshots that alarms carry into the journal."""
