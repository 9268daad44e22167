"""Environmental monitoring against permit limits: minute rollups folded from the
historian by the samples' own time, limit rules with a projection that warns before a
limit is crossed, explainable anomaly detection, and the ESG report made from rollups."""
