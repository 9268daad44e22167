"""Worker health monitoring: wearable vitals under consent, rules, retention, visibility."""
