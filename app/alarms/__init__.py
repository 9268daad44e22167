"""The ISA-18.2 alarm engine: definitions, life cycle, journal and sharing between
terminals. Plain Python, no Qt; views live in widgets/alarm_banner.py and alarm_table.py.
"""
