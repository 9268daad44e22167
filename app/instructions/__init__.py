"""Job assistance at the station: work instructions for the vehicle in front of the
worker, step confirmation with measured values against limits, each vehicle's build
record, and the skills matrix that says who is qualified for which station."""
