"""Shared bits of the Qt tests: a small site file and its tag paths."""

SITE = """
[site]
id = "demo"
name = "Body Shop Line 3"
line = "BIW-3"
terminal_id = "t-test"

[[sources]]
id = "plc1"
kind = "opcua"
endpoint = "opc.tcp://127.0.0.1:4840"

[[tags]]
path = "demo/body/l3/press1/pressure"
source = "plc1"
address = "ns=2;s=Press1.Pressure"
unit = "bar"
low = 0.0
high = 250.0
description = "Press force"

[[tags]]
path = "demo/body/l3/press1/temp"
source = "plc1"
address = "ns=2;s=Press1.Temp"
unit = "°C"
low = 0.0
high = 90.0

[[tags]]
path = "demo/body/l3/press1/state"
source = "plc1"
address = "ns=2;s=Press1.State"
type = "string"

[[tags]]
path = "demo/body/l3/press1/cycles"
source = "plc1"
address = "ns=2;s=Press1.Cycles"
type = "int"

[[tags]]
path = "demo/body/l3/press1/stroke_sp"
source = "plc1"
address = "ns=2;s=Press1.StrokeSP"
unit = "mm"
low = 10.0
high = 400.0
writable = true
description = "Stroke setpoint"

[[stations]]
id = "press1"
name = "Press 1"
kind = "press"
state_tag = "demo/body/l3/press1/state"
cycle_tag = "demo/body/l3/press1/cycles"
values = ["demo/body/l3/press1/pressure", "demo/body/l3/press1/temp"]
trend = ["demo/body/l3/press1/pressure", "demo/body/l3/press1/temp"]
setpoints = ["demo/body/l3/press1/stroke_sp"]
"""

PRESSURE = "demo/body/l3/press1/pressure"
TEMP = "demo/body/l3/press1/temp"
STATE = "demo/body/l3/press1/state"
CYCLES = "demo/body/l3/press1/cycles"
STROKE = "demo/body/l3/press1/stroke_sp"
